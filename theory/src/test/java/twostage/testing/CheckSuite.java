package twostage.testing;

import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.CheckRunner;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.LedgerJson;
import twostage.ledger.Status;

/**
 * Turns the registered checks of one module into JUnit dynamic tests. Each test runs its check, writes the ledger
 * entry to {@code twostage.ledger.dir} (default {@code target/ledger}), attaches the evidence to Allure, and fails
 * exactly when the check's computed status is FAIL. DISCREPANCY and NOT_CHECKABLE are recorded, not failed.
 */
public final class CheckSuite {

    private CheckSuite() {
    }

    /**
     * All checks registered through ServiceLoader whose module is {@code module}; {@code -Dtwostage.checks.filter=P}
     * keeps only check classes whose name starts with P (used by the mutation-testing profile to run one package's
     * checks).
     */
    public static List<Check> checksOf(String module) {
        List<Check> out = new ArrayList<>();
        String filter = System.getProperty("twostage.checks.filter", "");
        for (Check c : ServiceLoader.load(Check.class)) {
            if (c.module().equals(module) && c.getClass().getName().startsWith(filter)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no checks registered for module " + module);
        }
        return out;
    }

    private static boolean cleared;

    /** Deletes ledger entries of earlier runs once per test JVM, so a renamed or removed check leaves nothing stale. */
    private static synchronized void clearLedgerOnce() {
        if (cleared) {
            return;
        }
        cleared = true;
        Path dir = ledgerDir();
        if (java.nio.file.Files.isDirectory(dir)) {
            try (Stream<Path> s = java.nio.file.Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public static Stream<DynamicTest> dynamicTests(String module) {
        clearLedgerOnce();
        return checksOf(module).stream()
                .map(c -> DynamicTest.dynamicTest(c.claimId() + " - " + c.name(), () -> runAndRecord(c)));
    }

    public static Path ledgerDir() {
        return Path.of(System.getProperty("twostage.ledger.dir", "target/ledger"));
    }

    /** Runs one check, records it, and fails the test if its status is FAIL. Returns the result. */
    public static CheckResult runAndRecord(Check c) {
        CheckContext ctx = CheckContext.fromSystemProperties();
        CheckResult r = CheckRunner.run(c, ctx);
        LedgerJson.write(r, ledgerDir());
        Allure.label("claim", r.claimId());
        Allure.epic(r.module());
        Allure.feature(r.kind());
        Allure.story(r.claimId());
        Allure.description(c.statement() + "\n\nStatus: " + r.status()
                + (r.explanation().isEmpty() ? "" : "\n" + r.explanation()) + "\nSeed: " + r.seed());
        Allure.addAttachment("evidence.csv", "text/csv", evidenceCsv(r), ".csv");
        for (Attachment a : r.attachments()) {
            String ext = a.name().contains(".") ? a.name().substring(a.name().lastIndexOf('.')) : "";
            Allure.addAttachment(a.name(), a.mimeType(), new ByteArrayInputStream(a.content()), ext);
        }
        System.out.println("[twostage] " + r.status() + "  " + r.claimId() + " / " + r.checkName() + "  ("
                + r.durationMillis() + " ms)" + (r.status() == Status.PASS ? "" : "  " + r.explanation()));
        if (r.status() == Status.FAIL) {
            Assertions.fail(r.describe());
        }
        String expected = baselineStatus(r.claimId(), r.checkName());
        if (expected != null && !expected.equals(r.status().name())) {
            Assertions.fail("status " + r.status() + " differs from the baseline's " + expected + " (strict mode, "
                    + "-Dtwostage.checks.baseline): " + r.describe());
        }
        return r;
    }

    private static java.util.Map<String, String> baseline;

    /**
     * Strict mode, used by the mutation profile: with {@code -Dtwostage.checks.baseline=FILE} (the committed ledger
     * baseline) a check whose status differs from its baseline status fails its test, so a mutant that only turns a
     * PASS into a DISCREPANCY (or the reverse) is killed. Returns null when strict mode is off or the check is new.
     */
    static synchronized String baselineStatus(String claimId, String checkName) {
        String file = System.getProperty("twostage.checks.baseline", "");
        if (file.isEmpty()) {
            return null;
        }
        if (baseline == null) {
            baseline = new java.util.HashMap<>();
            try {
                com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(Path.of(file).toFile());
                for (com.fasterxml.jackson.databind.JsonNode item : root) {
                    for (com.fasterxml.jackson.databind.JsonNode c : item.path("checks")) {
                        baseline.put(item.path("id").asText() + "\t" + c.path("check").asText(),
                                c.path("status").asText());
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the baseline " + file, e);
            }
        }
        return baseline.get(claimId + "\t" + checkName);
    }

    /** The evidence as CSV: one row per compared quantity. */
    public static String evidenceCsv(CheckResult r) {
        StringBuilder b = new StringBuilder("quantity,role,rule,computed,reference,tolerance,standard_error,p_value,passed,note\n");
        for (Evidence e : r.evidence()) {
            b.append(q(e.quantity())).append(',').append(e.role()).append(',').append(e.rule()).append(',')
                    .append(e.computed()).append(',').append(e.reference()).append(',').append(e.tolerance()).append(',')
                    .append(e.standardError()).append(',').append(e.pValue()).append(',').append(e.passed()).append(',')
                    .append(q(e.note())).append('\n');
        }
        return b.toString();
    }

    private static String q(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
