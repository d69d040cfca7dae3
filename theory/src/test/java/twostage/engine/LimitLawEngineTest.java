package twostage.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import twostage.check.CheckContext;
import twostage.random.Rng;
import twostage.toy.ToyLimit;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;
import twostage.toy.ToyRescaled;
import twostage.toy.ToySignFlip;

/** The engine's first-principles limit against the toys' closed forms (CF15), and its input validation. */
class LimitLawEngineTest {

    private static void assertMatches(ToyLimit cf, LimitLaw law) {
        String what = law.problem() + ": ";
        assertEquals(cf.dEff(), law.dEff(), what + "d_eff");
        assertEquals(cf.dAct(), law.dAct(), what + "d_act");
        assertEquals(cf.dAct(), law.stableRank(), what + "stable rank of Sigma near Omega*");
        assertEquals(cf.dBase(), law.dBase(), what + "d_base");
        assertEquals(cf.dBase(), law.dBaseTangent(), what + "d_base (tangent directions)");
        assertEquals(cf.weight(), law.interactionMean(), 1e-6 * (1 + cf.weight()), what + "E||L(Z)||^2");
        assertEquals(law.gram().get(0), law.gramFromRep().get(0), 1e-6, what + "Gamma two ways");
        assertEquals(cf.mean(2.0), law.mean(2.0), 1e-6, what + "mean at alpha=2");
        for (double x : new double[] {0.5, 1.2, 2.5, 4}) {
            assertEquals(cf.cdf(x, 0.5), law.cdf(x, 0.5), 1e-6, what + "cdf at " + x);
        }
        assertEquals(cf.crossover().isPresent(), law.crossover().isPresent(), what + "alpha0 defined");
        if (cf.crossover().isPresent()) {
            assertEquals(cf.crossover().getAsDouble(), law.crossover().getAsDouble(), 1e-6, what + "alpha0");
        }
    }

    @Test
    void toyRegularMatchesClosedForm() {
        ToyRegular toy = new ToyRegular(1.3, 0.7);
        assertMatches(toy.closedForm(), LimitLawEngine.compute(toy, null));
    }

    @Test
    void toyNonRegularMatchesClosedForm() {
        ToyNonRegular toy = ToyNonRegular.standard();
        assertMatches(toy.closedForm(), LimitLawEngine.compute(toy, null));
    }

    @Test
    void correlatedToyNonRegularMatchesClosedForm() {
        ToyNonRegular toy = ToyNonRegular.correlated();
        LimitLaw law = LimitLawEngine.compute(toy, null);
        assertMatches(toy.closedForm(), law);
        assertTrue(law.b0DirectionSpread() < 1e-6, "B0 limit direction-independent: " + law.b0DirectionSpread());
    }

    @Test
    void rescaledToyHasNoInteraction() {
        ToyRescaled toy = ToyRescaled.standard();
        LimitLaw law = LimitLawEngine.compute(toy, null);
        assertMatches(toy.closedForm(), law);
        // numerical floor of the first-principles Gram: rounding / eps^2 with eps = 1e-3
        assertTrue(law.interactionMean() < 1e-8, "E||L(Z)||^2 = " + law.interactionMean());
    }

    @Test
    void signFlipMatchesClosedForm() {
        ToySignFlip toy = new ToySignFlip(1.7, 0.8, 0.5);
        assertMatches(toy.closedForm(), LimitLawEngine.compute(toy, null));
    }

    @Test
    void monteCarloScoreCovarianceAgreesWithExact() {
        ToySignFlip toy = ToySignFlip.standard();
        LimitLaw exact = LimitLawEngine.compute(toy, null);
        TwoStageProblem<ToySignFlip.Sign> noExact = new TwoStageProblemView<>(toy);
        LimitLaw mc = LimitLawEngine.compute(noExact, Rng.of(42));
        assertTrue(mc.scoreCovarianceSE() > 0);
        assertEquals(exact.scoreCovariance().get(0), mc.scoreCovariance().get(0), 4.6 * mc.scoreCovarianceSE());
    }

    @Test
    void rejectsBadInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ToyRegular(0.0, 1.0));
        assertTrue(e.getMessage().contains("s"), e.getMessage());
        LimitLaw law = LimitLawEngine.compute(ToyRegular.standard(), null);
        e = assertThrows(IllegalArgumentException.class, () -> law.mean(0.0));
        assertTrue(e.getMessage().contains("alpha must be > 0"));
        assertThrows(IllegalArgumentException.class, () -> law.cdf(1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> law.mean(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ToyRegular(1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> FiniteSampleSimulator.run(ToyRegular.standard(), 0.0, 10, 2,
                CheckContext.defaults(), "x"));
    }

    @Test
    void rejectsNonPositiveDefiniteHessian() {
        // a flat pre-training loss: L_pre(w) constant, so H* = 0 violates Assumption D.5
        ToyRegular toy = ToyRegular.standard();
        TwoStageProblem<TrivialGroup.Element> flat = new TwoStageProblemView<>(toy) {
            @Override
            public PretrainingModel pretraining() {
                PretrainingModel p = toy.pretraining();
                return new PretrainingView(p) {
                    @Override public double populationLoss(double[] w) { return 1.0; }
                };
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LimitLawEngine.compute(flat, Rng.of(1)));
        assertTrue(e.getMessage().contains("Assumption D.5: H* not positive definite"), e.getMessage());
    }

    @Test
    void simulatorIsDeterministicAcrossThreadCounts() {
        ToyNonRegular toy = ToyNonRegular.correlated();
        FiniteSampleSimulator.Simulation a = FiniteSampleSimulator.run(toy, 2.0, 50, 40,
                CheckContext.of(twostage.check.Scale.CI, 7L, 1, CheckContext.Progress.NONE), "det");
        FiniteSampleSimulator.Simulation b = FiniteSampleSimulator.run(toy, 2.0, 50, 40,
                CheckContext.of(twostage.check.Scale.CI, 7L, 2, CheckContext.Progress.NONE), "det");
        assertArrayEquals(a.total(), b.total(), 0.0);
        assertArrayEquals(a.var(), b.var(), 0.0);
        assertEquals(100, a.m());
    }

    @Test
    void scaledPartsSumToTotal() {
        FiniteSampleSimulator.Simulation s = FiniteSampleSimulator.run(ToyRegular.standard(), 2.0, 100, 10,
                CheckContext.defaults(), "sum");
        for (int i = 0; i < 10; i++) {
            assertEquals(s.total()[i], s.rep()[i] + s.leak()[i] + s.var()[i], 1e-12);
            assertTrue(s.var()[i] > 0);
        }
    }
}
