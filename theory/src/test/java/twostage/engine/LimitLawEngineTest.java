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

    /**
     * A two-dimensional tangent space: w in R^2, psi = x_1 + w_1 x_2 + w_2 x_3, f* = x_1, x ~ N(0, S) correlated.
     * L(v) = -(I - Pi_{x_1})(v_1 x_2 + v_2 x_3), so Gamma = S_{23|1} (the conditional covariance of (x_2, x_3) given
     * x_1), V = s^2 I and the weights are s^2 eig(S_{23|1}), unequal: exercises the polarisation, the off-diagonal
     * second differences and the general weighted chi-square.
     */
    @Test
    void twoDimensionalTangentSpaceMatchesConditionalCovariance() {
        double[][] sx = {{1.0, 0.4, -0.2}, {0.4, 1.5, 0.3}, {-0.2, 0.3, 0.8}};
        double s = 0.7;
        twostage.toy.GaussianLinearFeatures down = new twostage.toy.GaussianLinearFeatures(
                new org.ejml.data.DMatrixRMaj(sx), new double[] {1, 0, 0}, 0.5, 1,
                w -> new org.ejml.data.DMatrixRMaj(new double[][] {{1}, {w[0]}, {w[1]}}));
        twostage.toy.GaussianMeanPretraining pre = new twostage.toy.GaussianMeanPretraining(new double[2], s);
        TwoStageProblem<TrivialGroup.Element> p = new TwoStageProblem<>() {
            @Override public String name() { return "two-dim"; }
            @Override public PretrainingModel pretraining() { return pre; }
            @Override public SymmetryGroup<TrivialGroup.Element> group() { return new TrivialGroup(1); }
            @Override public DescriptorManifold descriptor() { return new EuclideanDescriptor(2); }
            @Override public Representation representation() { return down; }
            @Override public DownstreamModel downstream() { return down; }
        };
        LimitLaw law = LimitLawEngine.compute(p, null);
        double[][] cond = new double[2][2];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                cond[a][b] = sx[a + 1][b + 1] - sx[a + 1][0] * sx[0][b + 1] / sx[0][0];
                assertEquals(cond[a][b], law.gram().get(a, b), 1e-7, "Gamma first principles");
                assertEquals(cond[a][b], law.gramFromRep().get(a, b), 1e-6, "Gamma from Rep");
                assertEquals(a == b ? 1.0 : 0.0, law.hessian().get(a, b), 1e-7, "H*");
            }
        }
        assertEquals(s * s * (cond[0][0] + cond[1][1]), law.interactionMean(), 1e-6);
        assertEquals(2, law.dBase() - law.dEff());
        // the exact CDF against a sampled reference of the same weights
        double[] draws = new double[20000];
        Rng rng = Rng.of(11);
        double[] w = law.weights();
        for (int i = 0; i < draws.length; i++) {
            double g1 = rng.gaussian();
            double g2 = rng.gaussian();
            draws[i] = 0.5 * 1 + (w[0] * g1 * g1 + w[1] * g2 * g2) / 2.0;
        }
        twostage.stats.KolmogorovSmirnov ks = twostage.stats.KolmogorovSmirnov.oneSample(draws, x -> law.cdf(x, 2.0));
        assertTrue(ks.pValue() > 5e-6, ks.toString());
    }

    @Test
    void monteCarloScoreCovarianceAgreesWithExact() {
        ToySignFlip toy = ToySignFlip.standard();
        LimitLaw exact = LimitLawEngine.compute(toy, null);
        TwoStageProblem<ToySignFlip.Sign> noExact = new TwoStageProblemView<>(toy);
        LimitLaw mc = LimitLawEngine.compute(noExact, Rng.of(42));
        assertTrue(mc.scoreCovarianceSE() > 0);
        assertEquals(exact.scoreCovariance().get(0), mc.scoreCovariance().get(0), twostage.check.FalseAlarm.Z * mc.scoreCovarianceSE());
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
        assertTrue(e instanceof twostage.check.AssumptionViolation && e.getMessage().contains("Assumption D.5")
                && e.getMessage().contains("H* not positive definite"), e.getMessage());
    }

    @Test
    void rejectsAnAmbiguousRankOfSigma() {
        // psi = (x_1 + omega x_3, 1e-4 x_2): Sigma(w*) has eigenvalues 1 and 1e-8, between the rank cut and a clear gap
        ToyNonRegular toy = ToyNonRegular.standard();
        DownstreamModel base = toy.downstream();
        TwoStageProblem<TrivialGroup.Element> bad = new TwoStageProblemView<>(toy) {
            @Override
            public DownstreamModel downstream() {
                return new twostage.toy.GaussianLinearFeatures(twostage.linalg.Mat.identity(3), new double[] {1, 0, 0},
                        base.noiseVariance(), 2, w -> new org.ejml.data.DMatrixRMaj(new double[][] {
                                {1, 0}, {0, 1e-4}, {w[0], 0}}));
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LimitLawEngine.compute(bad, Rng.of(3)));
        assertTrue(e instanceof twostage.check.AssumptionViolation
                && e.getMessage().contains(twostage.linalg.NumericalRank.CONDITION), e.getMessage());
    }

    @Test
    void rejectsAMisspecifiedTarget() {
        // f* = x_2 is not in H_{Omega*} = span{x_1} of Toy-R
        ToyRegular toy = ToyRegular.standard();
        TwoStageProblem<TrivialGroup.Element> bad = new TwoStageProblemView<>(toy) {
            @Override
            public DownstreamModel downstream() {
                return new twostage.toy.GaussianLinearFeatures(twostage.linalg.Mat.identity(2), new double[] {0, 1},
                        1.0, 1, w -> new org.ejml.data.DMatrixRMaj(new double[][] {{1}, {w[0]}}));
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LimitLawEngine.compute(bad, Rng.of(3)));
        assertTrue(e.getMessage().contains("well-specification"), e.getMessage());
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
