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
 * <p>Usage: {@code LedgerMerge --root <project root> --out <dir>}
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
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
        if (!report.problems().isEmpty()) {
            report.problems().forEach(p -> System.err.println("[twostage] " + p));
            throw new IllegalStateException("audit failed: " + report.problems().size() + " problem(s); first: "
                    + report.problems().get(0));
        }
    }
}
