package twostage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.CheckRunner;
import twostage.check.Scale;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;

/**
 * Results are identical for 1 and 2 threads: Monte Carlo checks of several modules are run twice and every evidence
 * number must agree exactly (not within a tolerance).
 */
class ThreadIndependenceTest {

    /** Monte Carlo checks spread over the modules; each runs twice here, so keep the list to cheap ones. */
    static final List<String> CLAIMS = List.of("Proposition B.1", "Theorem D.7", "Corollary 6.4", "Lemma H.12");

    @Test
    void monteCarloChecksGiveIdenticalEvidenceOnOneAndTwoThreads() {
        List<Check> chosen = new ArrayList<>();
        for (Check c : ServiceLoader.load(Check.class)) {
            if (CLAIMS.contains(c.claimId()) && chosen.stream().noneMatch(x -> x.claimId().equals(c.claimId()))) {
                chosen.add(c);
            }
        }
        assertFalse(chosen.isEmpty(), "none of " + CLAIMS + " has a registered check");
        for (Check c : chosen) {
            CheckResult one = CheckRunner.run(c, CheckContext.of(Scale.CI, 0, 1, CheckContext.Progress.NONE));
            CheckResult two = CheckRunner.run(c, CheckContext.of(Scale.CI, 0, 2, CheckContext.Progress.NONE));
            assertEquals(one.status(), two.status(), c.claimId());
            assertEquals(one.evidence().size(), two.evidence().size(), c.claimId());
            for (int i = 0; i < one.evidence().size(); i++) {
                Evidence a = one.evidence().get(i);
                Evidence b = two.evidence().get(i);
                String what = c.claimId() + " / " + c.name() + " / " + a.quantity();
                assertEquals(a.quantity(), b.quantity(), what);
                assertEquals(a.computed(), b.computed(), 0.0, what);
                assertEquals(a.reference(), b.reference(), 0.0, what);
                assertEquals(a.standardError(), b.standardError(), 0.0, what);
                assertEquals(a.pValue(), b.pValue(), 0.0, what);
            }
        }
    }
}
