package twostage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.Scale;
import twostage.ledger.CheckResult;

class ExpectedDurationsTest {

    private static Check check(String id, String name) {
        return new Check() {
            @Override public String claimId() { return id; }
            @Override public String name() { return name; }
            @Override public String module() { return "theory"; }
            @Override public String statement() { return ""; }
            @Override public CheckResult run(CheckContext ctx) { throw new UnsupportedOperationException(); }
        };
    }

    @Test
    void readsPerScaleDurationsAndFallsBackToTheMedian() throws Exception {
        ExpectedDurations d = ExpectedDurations.parse(new BufferedReader(new StringReader(
                "# measured on a test\nscale\tclaim\tcheck\tseconds\nci\tLemma C.4\tone\t1.5\npaper\tLemma C.4\tone\t90\n"
                        + "paper\tTheorem 5.1\ttwo\t10\npaper\tTheorem 5.1\tthree\t20\n")));
        assertEquals(1.5, d.of(Scale.CI, check("Lemma C.4", "one")));
        assertEquals(90, d.of(Scale.PAPER, check("Lemma C.4", "one")));
        assertEquals(20, d.of(Scale.PAPER, check("Lemma C.9", "unknown")), "median of 1.5, 10, 20, 90 (upper)");
    }

    @Test
    void rejectsAMalformedRow() {
        assertThrows(IllegalArgumentException.class, () -> ExpectedDurations.parse(new BufferedReader(
                new StringReader("ci\tLemma C.4\t1.5\n"))));
    }

    @Test
    void theShippedTableLoads() {
        ExpectedDurations.standard();
    }
}
