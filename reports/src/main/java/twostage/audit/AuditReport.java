package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import twostage.claims.Catalogue;
import twostage.claims.Claim;
import twostage.ledger.LedgerJson;
import twostage.ledger.Status;

/**
 * The merged audit: one record per catalogue item (PENDING where no check ran), its status the most severe of its
 * checks' statuses (FAIL > DISCREPANCY > PASS > NOT_CHECKABLE). Writes {@code claims.json}, {@code index.html},
 * {@code discrepancies.html}, {@code graph.svg} and copies every attachment under {@code files/}.
 */
public final class AuditReport {

    private final List<ObjectNode> records;
    private final List<String> problems;
    private final Map<String, List<LedgerEntry>> byId;

    private AuditReport(List<ObjectNode> records, List<String> problems, Map<String, List<LedgerEntry>> byId) {
        this.records = records;
        this.problems = problems;
        this.byId = byId;
    }

    public static AuditReport build(List<LedgerEntry> entries) {
        Catalogue cat = Catalogue.standard();
        List<String> problems = new ArrayList<>();
        Map<String, List<LedgerEntry>> byId = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            if (!cat.contains(e.id())) {
                problems.add("ledger entry names an ID that is not in the catalogue: '" + e.id() + "' (check '"
                        + e.json().path("check").asText() + "')");
                continue;
            }
            byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        }
        List<ObjectNode> records = new ArrayList<>();
        for (Claim c : cat.all()) {
            ObjectNode r = LedgerJson.MAPPER.createObjectNode();
            r.put("id", c.id());
            r.put("module", c.module());
            r.put("kind", c.kind());
            r.put("page", c.page());
            r.put("title", c.title());
            List<LedgerEntry> es = byId.getOrDefault(c.id(), List.of());
            Status st = Status.PENDING;
            long ms = 0;
            StringBuilder why = new StringBuilder();
            ArrayNode checks = r.putArray("checks");
            ArrayNode evidence = r.putArray("evidence");
            for (LedgerEntry e : es) {
                Status s = Status.valueOf(e.status());
                st = Status.worst(st, s);
                ms += e.json().path("durationMillis").asLong();
                if (s != Status.PASS && !e.json().path("explanation").asText().isEmpty()) {
                    if (why.length() > 0) {
                        why.append(" | ");
                    }
                    why.append(e.json().path("check").asText()).append(": ").append(e.json().path("explanation").asText());
                }
                ObjectNode copy = e.json().deepCopy();
                checks.add(copy);
                for (JsonNode ev : e.json().path("evidence")) {
                    ObjectNode x = ev.deepCopy();
                    x.put("check", e.json().path("check").asText());
                    evidence.add(x);
                }
                if (s == Status.FAIL) {
                    problems.add("FAIL " + c.id() + " / " + e.json().path("check").asText() + ": "
                            + e.json().path("explanation").asText());
                }
            }
            r.put("status", st.name());
            r.put("explanation", es.isEmpty() ? "no check yet" : why.toString());
            r.put("seed", es.isEmpty() ? 0 : es.get(0).json().path("seed").asLong());
            r.put("durationMillis", ms);
            r.put("checkCount", es.size());
            records.add(r);
        }
        return new AuditReport(records, problems, byId);
    }

    public List<ObjectNode> records() {
        return records;
    }

    /** FAIL results and unknown IDs; non-empty means the audit fails. */
    public List<String> problems() {
        return problems;
    }

    public Map<Status, Integer> counts() {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        for (ObjectNode r : records) {
            m.merge(Status.valueOf(r.path("status").asText()), 1, Integer::sum);
        }
        return m;
    }

    /** Statistical comparisons made (evidence with a standard-error or p-value rule, INFO excluded). */
    public int statisticalComparisons() {
        int n = 0;
        for (ObjectNode r : records) {
            for (JsonNode c : r.path("checks")) {
                for (JsonNode e : c.path("evidence")) {
                    String rule = e.path("rule").asText();
                    if (!e.path("role").asText().equals("INFO") && (rule.equals("WITHIN_SE") || rule.equals("P_VALUE"))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /**
     * The design false-alarm rate of the run by the union bound: the sum over statistical comparisons of each one's
     * own rate, read from its threshold: 2 (1 - Phi(z)) for "within z SE" (2.0e-6 at z = 4.75) and alpha for a test
     * that must not reject.
     */
    public double designFalseAlarmRate() {
        double rate = 0;
        for (ObjectNode r : records) {
            for (JsonNode c : r.path("checks")) {
                for (JsonNode e : c.path("evidence")) {
                    rate += comparisonRate(e);
                }
            }
        }
        return rate;
    }

    /** The false-alarm rate of one comparison by design (0 for INFO and for non-statistical rules). */
    static double comparisonRate(JsonNode e) {
        if (e.path("role").asText().equals("INFO")) {
            return 0;
        }
        double t = e.path("tolerance").asDouble(Double.NaN);
        return switch (e.path("rule").asText()) {
            case "WITHIN_SE" -> twostage.check.FalseAlarm.twoSidedNormalTail(t);
            case "P_VALUE" -> t;
            default -> 0;
        };
    }

    public String summaryLine() {
        StringBuilder b = new StringBuilder("[twostage] audit: " + records.size() + " catalogue items:");
        counts().forEach((s, n) -> b.append(' ').append(s).append(' ').append(n));
        b.append(String.format(java.util.Locale.ROOT, "; %d statistical comparisons, design false-alarm rate %.2g",
                statisticalComparisons(), designFalseAlarmRate()));
        return b.toString();
    }

    /** Per module: items, and how many have a check (status other than PENDING). */
    public Map<String, int[]> coverage() {
        Map<String, int[]> m = new TreeMap<>();
        for (ObjectNode r : records) {
            int[] c = m.computeIfAbsent(r.path("module").asText(), k -> new int[2]);
            c[0]++;
            if (!r.path("status").asText().equals("PENDING")) {
                c[1]++;
            }
        }
        return m;
    }

    /** Every check with its duration, slowest first. */
    public String timingsCsv() {
        List<String[]> rows = new ArrayList<>();
        for (ObjectNode r : records) {
            for (JsonNode c : r.path("checks")) {
                rows.add(new String[] {Long.toString(c.path("durationMillis").asLong()), r.path("id").asText(),
                        c.path("check").asText(), c.path("status").asText(), c.path("module").asText()});
            }
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(b[0]), Long.parseLong(a[0])));
        StringBuilder b = new StringBuilder("duration_ms,claim,check,status,module\n");
        for (String[] x : rows) {
            b.append(x[0]).append(",\"").append(x[1]).append("\",\"").append(x[2].replace("\"", "'")).append("\",")
                    .append(x[3]).append(',').append(x[4]).append('\n');
        }
        return b.toString();
    }

    public void write(Path out) throws IOException {
        Files.createDirectories(out);
        // attachments: copy into out/files/<ledger-relative path>, rewrite paths
        for (ObjectNode r : records) {
            for (JsonNode chk : r.path("checks")) {
                String id = r.path("id").asText();
                LedgerEntry src = byId.get(id).stream()
                        .filter(e -> e.json().path("check").asText().equals(chk.path("check").asText()))
                        .findFirst().orElseThrow();
                for (JsonNode a : chk.path("attachments")) {
                    String rel = a.path("path").asText();
                    Path from = src.baseDir().resolve(rel);
                    Path to = out.resolve(rel);
                    if (Files.exists(from)) {
                        Files.createDirectories(to.getParent());
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        ArrayNode arr = LedgerJson.MAPPER.createArrayNode();
        records.forEach(arr::add);
        LedgerJson.MAPPER.writeValue(out.resolve("claims.json").toFile(), arr);
        Files.writeString(out.resolve("index.html"), HtmlReport.index(this), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("discrepancies.html"), HtmlReport.discrepancies(this), StandardCharsets.UTF_8);
        Map<String, String> statusById = new LinkedHashMap<>();
        records.forEach(r -> statusById.put(r.path("id").asText(), r.path("status").asText()));
        Files.writeString(out.resolve("timings.csv"), timingsCsv(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("graph.svg"), ClaimGraph.standard().svg(statusById), StandardCharsets.UTF_8);
    }
}
