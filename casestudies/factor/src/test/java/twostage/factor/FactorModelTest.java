package twostage.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.check.CheckContext;
import twostage.stats.LogLogSlope;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.KolmogorovSmirnov;
import twostage.testing.Property;

/** Input rejection, derivative slope tests and the Bartlett sampler against explicit draws. */
class FactorModelTest {

    private static DMatrixRMaj a(int d, int k, Rng rng) {
        return RandomMatrices.gaussian(d, k, rng);
    }

    private static void rejects(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should name '" + fragment + "'");
    }

    @Test
    void rejectsBadInputs() {
        Rng rng = Rng.of(1);
        DMatrixRMaj good = a(5, 2, rng);
        DMatrixRMaj rankDeficient = Mat.multTransB(a(5, 1, rng), Mat.col(1, 1));
        rejects("full column rank", () -> FactorModel.of(rankDeficient, new double[] {1, 1}, 0.5));
        rejects("k must be < d", () -> FactorModel.of(a(3, 3, rng), new double[] {1, 1, 1}, 0.5));
        rejects("k must be < d", () -> FactorModel.of(a(3, 4, rng), new double[] {1, 1, 1, 1}, 0.5));
        rejects("k must be >= 1", () -> FactorModel.of(new DMatrixRMaj(4, 0), new double[0], 0.5));
        rejects("sigma_nu^2", () -> FactorModel.of(good, new double[] {1, 1}, -0.1));
        rejects("sigma_nu^2", () -> FactorModel.of(good, new double[] {1, 1}, Double.NaN));
        DMatrixRMaj withNaN = good.copy();
        withNaN.set(0, 0, Double.NaN);
        rejects("finite", () -> FactorModel.of(withNaN, new double[] {1, 1}, 0.5));
        rejects("finite", () -> FactorModel.of(good, new double[] {1, Double.NaN}, 0.5));
        rejects("beta* must have length", () -> FactorModel.of(good, new double[] {1, 1, 1}, 0.5));
        rejects("1 <= k < d", () -> PpcaEstimator.fit(Mat.identity(4), 4));
        rejects("finite", () -> PpcaEstimator.fit(withNaNSquare(), 1));
        rejects("m >= d", () -> WishartSampler.of(Mat.identity(4)).bartlett(3, rng));
        rejects("positive definite", () -> WishartSampler.of(Mat.scale(-1, Mat.identity(3))));
    }

    private static DMatrixRMaj withNaNSquare() {
        DMatrixRMaj s = Mat.identity(3);
        s.set(1, 1, Double.NaN);
        return s;
    }

    @Test
    void gradientAndHessianInAPassSlopeTests() {
        Property.forAll("PPCA loss derivatives in A", rng -> {
            int d = rng.nextInt(3, 7);
            int k = rng.nextInt(1, d - 1);
            DMatrixRMaj x = RandomMatrices.gaussian(d, 1, rng);
            DMatrixRMaj s = rng.nextDouble() < 0.5 ? Mat.multTransB(x, x) : RandomMatrices.spd(d, 10, rng);
            return new Object[] {a(d, k, rng), s, a(d, k, rng)};
        }, in -> {
            double[] slopes = LemmaI1Check.taylorSlopes((DMatrixRMaj) in[0], (DMatrixRMaj) in[1], (DMatrixRMaj) in[2]);
            assertTrue(slopes[0] > 1.8, "first-order remainder slope " + slopes[0]);
            assertTrue(slopes[1] > 1.8, "gradient remainder slope " + slopes[1]);
        });
    }

    @Test
    void gradientInMPassesSlopeTest() {
        Property.forAll("PPCA loss gradient in M", rng -> {
            int d = rng.nextInt(2, 6);
            return new DMatrixRMaj[] {RandomMatrices.psdOfRank(d, rng.nextInt(1, d), rng),
                    RandomMatrices.spd(d, 5, rng), Linalg.sym(RandomMatrices.gaussian(d, d, rng))};
        }, in -> {
            double[] h = LogLogSlope.halfDecades(1e-2, 6);
            double[] r = new double[h.length];
            double f0 = PpcaLikelihood.lossM(in[0], in[1]);
            double g = Mat.inner(PpcaLikelihood.gradientM(in[0], in[1]), in[2]);
            for (int i = 0; i < h.length; i++) {
                r[i] = Math.abs(PpcaLikelihood.lossM(Mat.add(in[0], Mat.scale(h[i], in[2])), in[1]) - f0 - h[i] * g);
            }
            assertTrue(LogLogSlope.fit(h, r) > 1.8);
        });
    }

    @Test
    void bartlettMatchesDirectSampling() {
        Rng rng = Rng.of(7);
        DMatrixRMaj sigma = RandomMatrices.spd(4, 8, rng);
        WishartSampler w = WishartSampler.of(sigma);
        int reps = 3000;
        int m = 30;
        double[][] b = new double[3][reps];
        double[][] dd = new double[3][reps];
        CheckContext ctx = CheckContext.defaults();
        for (int r = 0; r < reps; r++) {
            DMatrixRMaj sb = w.bartlett(m, ctx.rng("bartlett", r));
            DMatrixRMaj sd = w.direct(m, ctx.rng("direct", r));
            b[0][r] = sb.get(0, 0);
            b[1][r] = sb.get(1, 3);
            b[2][r] = Mat.trace(sb);
            dd[0][r] = sd.get(0, 0);
            dd[1][r] = sd.get(1, 3);
            dd[2][r] = Mat.trace(sd);
        }
        for (int i = 0; i < 3; i++) {
            KolmogorovSmirnov ks = KolmogorovSmirnov.twoSample(b[i], dd[i]);
            assertTrue(ks.pValue() > 5e-6, "statistic " + i + ": KS p = " + ks.pValue());
        }
        // the mean of the Bartlett draw is Sigma
        DMatrixRMaj mean = new DMatrixRMaj(4, 4);
        for (int r = 0; r < reps; r++) {
            mean = Mat.add(mean, Mat.scale(1.0 / reps, w.bartlett(m, ctx.rng("bartlett-mean", r))));
        }
        assertTrue(Mat.dist(mean, sigma) < 0.1 * Mat.frob(sigma), "mean of S_m far from Sigma");
    }

    @Test
    void noiseVarianceByConditioningEqualsPushThroughForm() {
        Property.forAll("Var(y|x)", rng -> FactorModel.random(rng.nextInt(3, 8), new double[] {1 + rng.nextDouble()},
                1 + rng.nextDouble(), rng.nextDouble(), rng), m -> assertEquals(m.noiseVarianceByConditioning(),
                m.noiseVarianceKByK(), 1e-12 * (1 + m.noiseVarianceKByK())));
    }

    @Test
    void sectionPassesThroughTruthAndInvertsTheDescriptor() {
        Property.forAll("section", rng -> FactorModel.random(5, new double[] {2, 1}, 1, 0.1, rng), m -> {
            FactorSection s = FactorSection.anchoredAt(m.aStar());
            assertTrue(Mat.dist(s.apply(m.mStar()), m.aStar()) < 1e-10 * (1 + Mat.frob(m.aStar())));
        });
    }
}
