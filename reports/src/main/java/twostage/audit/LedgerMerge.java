package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import twostage.ledger.LedgerJson;

/**
 * Merges the per-module ledgers written by {@code mvn verify} (each module's {@code target/ledger}) into the audit
 * outputs: {@code claims.json} (one record per catalogue item, PENDING included) and the HTML report.
 * Exits non-zero when any claim is FAIL or a ledger names an ID outside the catalogue.
 *
 * <p>Usage: {@code LedgerMerge --root <project root> --out <dir> [--baseline <file> --baseline-mode check|update|off]}
 */
public final class LedgerMerge {

    /** Module folders whose ledgers are merged, relative to the project root. */
    static final List<String> MODULE_DIRS = List.of("theory", "casestudies/spectral", "casestudies/factor",
            "casestudies/gmm", "properties");

    private LedgerMerge() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(".");
        Path out = Path.of("reports/target/audit");
        Path baseline = null;
        String baselineMode = "check";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--baseline" -> baseline = Path.of(args[++i]);
                case "--baseline-mode" -> baselineMode = args[++i].isBlank() ? "check" : args[i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<LedgerEntry> entries = new ArrayList<>();
        for (String m : MODULE_DIRS) {
            Path dir = root.resolve(m).resolve("target/ledger");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode n = LedgerJson.read(f);
                    entries.add(new LedgerEntry(n, dir));
                }
            }
        }
        AuditReport report = AuditReport.build(entries);
        report.write(out);
        System.out.println(report.summaryLine());
        List<String> problems = new ArrayList<>(report.problems());
        String seed = System.getProperty("twostage.seed", "");
        if (baseline != null) {
            if (baselineMode.equals("update")) {
                Baseline.write(report, baseline);
                System.out.println("[twostage] baseline updated: " + baseline);
            } else if (!seed.isBlank()) {
                System.out.println("[twostage] baseline gate skipped: the root seed is not the default (" + seed + ")");
            } else if (baselineMode.equals("off")) {
                System.out.println("[twostage] baseline gate off");
            } else if (!Files.exists(baseline)) {
                System.out.println("[twostage] no baseline at " + baseline + "; create it with mvn verify -Dtwostage.baseline=update");
            } else {
                List<String> diff = Baseline.compare(report, baseline);
                problems.addAll(diff);
                System.out.println("[twostage] baseline gate: " + diff.size() + " difference(s) against " + baseline
                        + (diff.isEmpty() ? "" : " (if intended: mvn verify -Dtwostage.baseline=update)"));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[twostage] " + p));
            throw new IllegalStateException("audit failed: " + problems.size() + " problem(s); first: "
                    + problems.get(0));
        }
    }
}
