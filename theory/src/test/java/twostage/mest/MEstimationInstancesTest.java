package twostage.mest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Vectors;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.KolmogorovSmirnov;

class MEstimationInstancesTest {

    static final PoissonRegression POISSON = PoissonRegression.of(new double[] {0.5, 0.4, -0.3}, 0.5);

    static SphereMean sphere(double scale) {
        DMatrixRMaj q = RandomMatrices.haarOrthogonal(4, Rng.of(11));
        return SphereMean.of(new double[] {scale, -scale, 0.5 * scale, 0},
                RandomMatrices.withEigenvalues(q, new double[] {3, 2, 1, 0.5}));
    }

    @Test
    void poissonClosedFormsAgreeWithDifferencesOfThePopulationLoss() {
        double[] t = POISSON.truth();
        DMatrixRMaj h = POISSON.hessian();
        double step = 1e-4;
        for (int i = 0; i < 3; i++) {
            double[] e = new double[3];
            e[i] = step;
            double grad = (POISSON.populationLoss(Vectors.axpy(1, e, t)) - POISSON.populationLoss(Vectors.axpy(-1, e, t)))
                    / (2 * step);
            assertEquals(0, grad, 1e-8, "population gradient vanishes at theta*");
            for (int j = 0; j < 3; j++) {
                double[] f = new double[3];
                f[j] = step;
                double second = (POISSON.populationLoss(Vectors.axpy(1, f, Vectors.axpy(1, e, t)))
                        - POISSON.populationLoss(Vectors.axpy(-1, f, Vectors.axpy(1, e, t)))
                        - POISSON.populationLoss(Vectors.axpy(1, f, Vectors.axpy(-1, e, t)))
                        + POISSON.populationLoss(Vectors.axpy(-1, f, Vectors.axpy(-1, e, t)))) / (4 * step * step);
                assertEquals(h.get(i, j), second, 1e-5, "H*(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void poissonEstimatorIsCloseToTheTruthAtLargeM() {
        int m = 20000;
        double[] est = POISSON.estimate(m, Rng.of(3));
        DMatrixRMaj v = POISSON.sandwich();
        for (int i = 0; i < 3; i++) {
            double sd = Math.sqrt(v.get(i, i) / m);
            assertEquals(POISSON.truth()[i], est[i], 5 * sd, "coordinate " + i);
        }
    }

    @Test
    void newtonConvergesOnSmallSamples() {
        for (int r = 0; r < 200; r++) {
            double[] est = POISSON.estimate(100, Rng.of(r));
            assertTrue(Vectors.norm(Vectors.sub(est, POISSON.truth())) < 2, "seed " + r);
        }
    }

    @Test
    void validatorsAcceptGoodInstancesAndNameViolatedConditions() {
        MEstimationConditions.require("Assumption D.2", POISSON, Rng.of(1), 2000);
        LeastSquares ls = LeastSquares.heteroskedastic(new double[] {1, 2, -1}, 1, 0.25);
        MEstimationConditions.require("Assumption D.2", ls, Rng.of(2), 2000);
        MEstimationConditions.require("Assumption D.5", sphere(1), Rng.of(3), 2000);

        LeastSquares dup = LeastSquares.of(new double[] {1, 2, -1}, 1, 0.25, LeastSquares.Design.DUPLICATED,
                LeastSquares.Noise.GAUSSIAN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MEstimationConditions.require("Assumption D.2", dup, Rng.of(4), 500));
        assertTrue(e.getMessage().contains("(iv) H* is not invertible"), e.getMessage());
        assertTrue(e.getMessage().contains("(i) F does not separate"), e.getMessage());

        LeastSquares heavy = LeastSquares.of(new double[] {1, 2, -1}, 1, 0.25, LeastSquares.Design.INDEPENDENT,
                LeastSquares.Noise.STUDENT_T2);
        e = assertThrows(IllegalArgumentException.class,
                () -> MEstimationConditions.require("Assumption D.2", heavy, Rng.of(5), 500));
        assertTrue(e.getMessage().contains("(iii) infinite score second moment"), e.getMessage());

        SphereMean flat = SphereMean.of(new double[4], Mat.identity(4));
        e = assertThrows(IllegalArgumentException.class,
                () -> MEstimationConditions.require("Assumption D.5", flat, Rng.of(6), 500));
        assertTrue(e.getMessage().contains("(i)") && e.getMessage().contains("(iv)"), e.getMessage());
    }

    @Test
    void sphereMeanHessianIsCurvatureOnlyAndSandwichMatchesClosedForm() {
        SphereMean s = sphere(1.5);
        double norm = Vectors.norm(s.mu());
        assertTrue(Mat.dist(s.hessian(), Mat.scale(norm, Mat.identity(3))) <= 1e-12 * norm);
        assertTrue(Mat.dist(s.sandwich(), s.closedFormCovariance()) <= 1e-12 * Mat.frob(s.sandwich()));
        assertThrows(IllegalArgumentException.class, () -> Sandwich.of(s.euclideanHessian(), s.scoreCovariance()));
    }

    @Test
    void sphereMeanShortcutHasTheLawOfTheSampleMean() {
        SphereMean s = sphere(1);
        int reps = 400;
        double[] fast = new double[reps];
        double[] slow = new double[reps];
        for (int r = 0; r < reps; r++) {
            fast[r] = s.distanceToTruth(s.estimate(20, Rng.of(100 + r)));
            slow[r] = s.distanceToTruth(s.estimateFromDraws(20, Rng.of(100_000 + r)));
        }
        KolmogorovSmirnov ks = KolmogorovSmirnov.twoSample(fast, slow);
        assertTrue(ks.pValue() > 5e-6, "two-sample KS p = " + ks.pValue());
    }

    @Test
    void pcaHessianFromCf7MatchesTheEigengapClosedForm() {
        FixedRankPca p = Instances.pca();
        assertTrue(Mat.dist(p.sandwich(), p.closedFormCovariance()) <= 1e-10 * Mat.frob(p.sandwich()));
        // the curvature term matters: H* is not the identity
        assertTrue(Mat.dist(p.hessian(), p.hessianWithoutCurvature()) > 0.1);
        MEstimationConditions.require("Assumption D.5", p, Rng.of(8), 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FixedRankPca.of(RandomMatrices.withEigenvalues(Mat.identity(3), new double[] {2, 1, 1}), 2));
        assertTrue(e.getMessage().contains("eigengap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FixedRankPca.of(Mat.identity(3), 3));
        assertTrue(e.getMessage().contains("k < d"), e.getMessage());
    }

    @Test
    void pcaWishartShortcutHasTheLawOfTheSampleCovariance() {
        FixedRankPca p = Instances.pca();
        int reps = 400;
        double[] fast = new double[reps];
        double[] slow = new double[reps];
        double[] fast2 = new double[reps];
        double[] slow2 = new double[reps];
        for (int r = 0; r < reps; r++) {
            double[] cf = p.tangentCoordinates(p.estimate(30, Rng.of(500 + r)));
            double[] cs = p.tangentCoordinates(p.estimateFromDraws(30, Rng.of(900_000 + r)));
            fast[r] = cf[0];
            slow[r] = cs[0];
            fast2[r] = Vectors.norm(cf);
            slow2[r] = Vectors.norm(cs);
        }
        assertTrue(KolmogorovSmirnov.twoSample(fast, slow).pValue() > 5e-6, "first coordinate");
        assertTrue(KolmogorovSmirnov.twoSample(fast2, slow2).pValue() > 5e-6, "norm");
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PoissonRegression.of(new double[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> PoissonRegression.of(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.heteroskedastic(new double[] {1, Double.NaN}, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SphereMean.of(new double[] {1, 0}, new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}})));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sandwich.of(new DMatrixRMaj(new double[][] {{1, 0}, {0, 0}}), Mat.identity(2)));
        assertTrue(e.getMessage().contains("invertible"), e.getMessage());
    }
}
