package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.CheckRunner;
import twostage.claims.Catalogue;
import twostage.ledger.CheckResult;
import twostage.ledger.LedgerJson;

/**
 * The audit command: runs every registered check (or a filtered subset) at the chosen scale, with progress and an
 * ETA, caches each result keyed by (code version, claim, check, scale, seed) so a rerun recomputes only what is
 * missing or stale, and writes the ledger, {@code claims.json}, the HTML report with the claim graph and the
 * discrepancies page, and Allure results. Exceptions inside a check are captured in its result (status FAIL) with
 * its seed. Exit code: 0 when no claim is FAIL, 1 otherwise, 2 on bad options.
 */
public final class Audit {

    private Audit() {
    }

    public static void main(String[] args) throws IOException {
        AuditOptions o;
        try {
            o = AuditOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(o));
    }

    static List<Check> select(AuditOptions o) {
        Catalogue cat = Catalogue.standard();
        o.claims().forEach(cat::require);
        List<Check> out = new ArrayList<>();
        for (Check c : ServiceLoader.load(Check.class)) {
            if (!o.claims().isEmpty() && !o.claims().contains(c.claimId())) {
                continue;
            }
            if (!o.modules().isEmpty() && !o.modules().contains(c.module())) {
                continue;
            }
            if (!o.checkNames().isEmpty() && o.checkNames().stream().noneMatch(t -> c.name().contains(t))) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    static int run(AuditOptions o) throws IOException {
        List<Check> checks = select(o);
        if (o.list()) {
            checks.forEach(c -> System.out.println(c.module() + "\t" + c.claimId() + "\t" + c.name()));
            return 0;
        }
        Path ledger = o.out().resolve("ledger");
        Path cacheDir = o.out().resolve("cache");
        Files.createDirectories(ledger);
        String version = CodeVersion.current();
        Progress progress = new Progress(checks, o.scale(), ExpectedDurations.standard());
        CheckContext ctx = CheckContext.of(o.scale(), o.seed(), o.threads(), progress);
        System.out.printf(Locale.ROOT, "[audit] %d checks, scale %s, seed %d, %d threads, code %s, out %s%n",
                checks.size(), o.scale(), o.seed(), o.threads(), version, o.out());
        AllureResults allure = new AllureResults(o.out().resolve("allure-results"));
        int reused = 0;
        for (Check c : checks) {
            String key = version + "|" + c.claimId() + "|" + c.name() + "|" + o.scale() + "|" + o.seed();
            Path cached = cacheDir.resolve(LedgerJson.slug(c.claimId()) + "__" + LedgerJson.slug(c.name()));
            progress.start(c);
            JsonNode hit = o.useCache() ? ResultCache.lookup(cached, key) : null;
            if (hit != null) {
                ResultCache.restore(cached, ledger);
                reused++;
                progress.done(c, hit.path("status").asText(), hit.path("durationMillis").asLong(), true);
                allure.write((ObjectNode) hit, ledger);
                continue;
            }
            CheckResult r = CheckRunner.run(c, ctx);
            Path f = LedgerJson.write(r, ledger);
            ResultCache.store(cached, key, f, ledger);
            progress.done(c, r.status().name(), r.durationMillis(), false);
            allure.write((ObjectNode) LedgerJson.read(f), ledger);
        }
        List<LedgerEntry> entries = new ArrayList<>();
        try (var files = Files.list(ledger)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                LedgerEntry e = new LedgerEntry(LedgerJson.read(f), ledger);
                boolean selected = checks.stream().anyMatch(c -> c.claimId().equals(e.id())
                        && c.name().equals(e.json().path("check").asText()));
                if (selected) {
                    entries.add(e);
                }
            }
        }
        AuditReport report = AuditReport.build(entries);
        report.write(o.out());
        System.out.println(report.summaryLine() + " (" + reused + " reused from cache)");
        System.out.println("[audit] report: " + o.out().resolve("index.html").toAbsolutePath());
        System.out.println("[audit] discrepancies: " + o.out().resolve("discrepancies.html").toAbsolutePath());
        report.problems().forEach(p -> System.err.println("[audit] " + p));
        return report.problems().isEmpty() ? 0 : 1;
    }
}
