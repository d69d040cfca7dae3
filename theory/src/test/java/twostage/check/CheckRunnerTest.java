package twostage.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import twostage.ledger.CheckResult;
import twostage.ledger.Status;

class CheckRunnerTest {

    private static Check named(String id, Runnable body) {
        return new Check() {
            @Override public String claimId() { return id; }
            @Override public String name() { return "test"; }
            @Override public String module() { return "theory"; }
            @Override public String statement() { return ""; }
            @Override public CheckResult run(CheckContext ctx) {
                body.run();
                return result(ctx).add(twostage.ledger.Evidence.condition("ran", twostage.ledger.Role.CONTROL, true, ""))
                        .build();
            }
        };
    }

    @Test
    void anIdOutsideTheCatalogueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckRunner.run(named("Lemma Z.9", () -> { }), CheckContext.defaults()));
        assertTrue(e.getMessage().contains("Lemma Z.9"));
    }

    @Test
    void anAssumptionViolationIsNotAFalseFailure() {
        CheckResult r = CheckRunner.run(named("Lemma C.4", () -> {
            throw new AssumptionViolation("Assumption 6.1", "eigengap 1e-16");
        }), CheckContext.defaults());
        assertEquals(Status.NOT_CHECKABLE, r.status());
        assertTrue(r.explanation().contains("Assumption 6.1"));
    }

    @Test
    void anExceptionInsideACheckIsAFailWithItsSeed() {
        CheckResult r = CheckRunner.run(named("Lemma C.4", () -> {
            throw new IllegalStateException("planted");
        }), CheckContext.defaults());
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.error().contains("planted"));
        assertEquals(CheckContext.defaults().seed("Lemma C.4", 0), r.seed());
    }

    @Test
    void anExceptionInOneReplicationNamesTheReplicationAndItsSeedForEitherThreadCount() {
        for (int threads : new int[] {1, 2}) {
            CheckContext ctx = CheckContext.of(Scale.CI, 7, threads, CheckContext.Progress.NONE);
            CheckResult r = CheckRunner.run(named("Lemma C.4", () -> ctx.replicate("stream-x", 10, (rep, rng) -> {
                if (rep == 6) {
                    throw new IllegalStateException("planted at 6");
                }
                return rng.nextDouble();
            })), ctx);
            assertEquals(Status.FAIL, r.status());
            assertTrue(r.error().contains("planted at 6"), r.error());
            assertTrue(r.error().contains("replication 6 of stream 'stream-x' (seed " + ctx.seed("stream-x", 6) + ")"),
                    r.error());
        }
    }

    @Test
    void anAssumptionViolationInOneReplicationIsNotCheckableAndNamesTheSeed() {
        CheckContext ctx = CheckContext.of(Scale.CI, 7, 2, CheckContext.Progress.NONE);
        CheckResult r = CheckRunner.run(named("Lemma C.4", () -> ctx.replicate("stream-y", 10, (rep, rng) -> {
            if (rep == 3) {
                throw new AssumptionViolation("Assumption 6.1", "eigengap 1e-16");
            }
            return rep;
        })), ctx);
        assertEquals(Status.NOT_CHECKABLE, r.status());
        assertTrue(r.explanation().contains("Assumption 6.1"), r.explanation());
        assertTrue(r.explanation().contains("seed " + ctx.seed("stream-y", 3)), r.explanation());
    }
}
