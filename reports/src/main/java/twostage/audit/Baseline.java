package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import twostage.check.FalseAlarm;
import twostage.ledger.LedgerJson;

/**
 * The regression gate for people extending the theory: a committed baseline of the ledger (status per claim and per
 * check, and the key figures: every CLAIM or CONTROL comparison with a tolerance or a standard error). A new build
 * fails when a claim's or a check's status differs from the baseline, when a check disappears, or when a key figure
 * moves beyond its stated error: |new - old| > tolerance for tolerance comparisons, or
 * |new - old| > Z sqrt(SE_old^2 + SE_new^2) for Monte Carlo comparisons.
 * Update with {@code mvn verify -Dtwostage.baseline=update}.
 */
final class Baseline {

    private Baseline() {
    }

    static ArrayNode snapshot(AuditReport report) {
        ArrayNode arr = LedgerJson.MAPPER.createArrayNode();
        for (ObjectNode r : report.records()) {
            ObjectNode b = arr.addObject();
            b.put("id", r.path("id").asText());
            b.put("status", r.path("status").asText());
            ArrayNode checks = b.putArray("checks");
            for (JsonNode c : r.path("checks")) {
                ObjectNode x = checks.addObject();
                x.put("check", c.path("check").asText());
                x.put("status", c.path("status").asText());
                ArrayNode figs = x.putArray("figures");
                for (JsonNode e : c.path("evidence")) {
                    String role = e.path("role").asText();
                    String rule = e.path("rule").asText();
                    if (role.equals("INFO") || !(rule.equals("ABS_TOL") || rule.equals("WITHIN_SE"))) {
                        continue;
                    }
                    ObjectNode f = figs.addObject();
                    f.put("quantity", e.path("quantity").asText());
                    f.put("rule", rule);
                    f.set("computed", e.path("computed"));
                    f.set("tolerance", e.path("tolerance"));
                    f.set("standardError", e.path("standardError"));
                }
            }
        }
        return arr;
    }

    static void write(AuditReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LedgerJson.MAPPER.writeValue(file.toFile(), snapshot(report));
    }

    /** Figures keyed by quantity name and occurrence (a check may compare the same quantity on several instances). */
    static Map<String, JsonNode> keyed(JsonNode figures) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode f : figures) {
            String q = f.path("quantity").asText();
            int k = seen.merge(q, 1, Integer::sum);
            out.put(q + "#" + k, f);
        }
        return out;
    }

    /** Differences that fail the gate, each naming the claim, the check and the figure. */
    static List<String> compare(AuditReport report, Path file) {
        List<String> out = new ArrayList<>();
        JsonNode old = LedgerJson.read(file);
        Map<String, JsonNode> now = new HashMap<>();
        for (JsonNode r : snapshot(report)) {
            now.put(r.path("id").asText(), r);
        }
        for (JsonNode o : old) {
            String id = o.path("id").asText();
            JsonNode n = now.get(id);
            if (n == null) {
                out.add("baseline: claim " + id + " is no longer in the catalogue");
                continue;
            }
            if (!o.path("status").asText().equals(n.path("status").asText())) {
                out.add("baseline: " + id + " status changed " + o.path("status").asText() + " -> "
                        + n.path("status").asText());
            }
            Map<String, JsonNode> nChecks = new HashMap<>();
            n.path("checks").forEach(c -> nChecks.put(c.path("check").asText(), c));
            for (JsonNode oc : o.path("checks")) {
                String name = oc.path("check").asText();
                JsonNode nc = nChecks.get(name);
                if (nc == null) {
                    out.add("baseline: " + id + " / " + name + " no longer runs");
                    continue;
                }
                if (!oc.path("status").asText().equals(nc.path("status").asText())) {
                    out.add("baseline: " + id + " / " + name + " status changed " + oc.path("status").asText()
                            + " -> " + nc.path("status").asText());
                }
                Map<String, JsonNode> nFigs = keyed(nc.path("figures"));
                for (Map.Entry<String, JsonNode> oe : keyed(oc.path("figures")).entrySet()) {
                    JsonNode of = oe.getValue();
                    JsonNode nf = nFigs.get(oe.getKey());
                    if (nf == null || of.path("computed").isNull() || nf.path("computed").isNull()) {
                        continue;
                    }
                    double a = of.path("computed").asDouble();
                    double b = nf.path("computed").asDouble();
                    double allowed;
                    if (of.path("rule").asText().equals("WITHIN_SE")) {
                        double s1 = of.path("standardError").asDouble(0);
                        double s2 = nf.path("standardError").asDouble(0);
                        allowed = FalseAlarm.Z * Math.sqrt(s1 * s1 + s2 * s2);
                    } else {
                        allowed = of.path("tolerance").asDouble(0);
                    }
                    if (Math.abs(a - b) > allowed) {
                        out.add("baseline: " + id + " / " + name + " figure '" + of.path("quantity").asText()
                                + "' moved " + a + " -> " + b + " (allowed " + allowed + ")");
                    }
                }
            }
        }
        return out;
    }
}
