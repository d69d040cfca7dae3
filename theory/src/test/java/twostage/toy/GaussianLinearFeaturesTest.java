package twostage.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.check.FalseAlarm;
import twostage.linalg.Mat;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/** The equivalent Bartlett design reproduces the first two moments of X^T X / n (Wishart), and input validation. */
class GaussianLinearFeaturesTest {

    private static final double[][] S = {{1.0, 0.5, 0.3}, {0.5, 1.0, -0.4}, {0.3, -0.4, 1.0}};

    @Test
    void equivalentDesignHasTheWishartMoments() {
        GaussianLinearFeatures g = new GaussianLinearFeatures(new DMatrixRMaj(S), new double[] {1, 0, 0}, 1.0, 1,
                w -> new DMatrixRMaj(new double[][] {{1}, {w[0]}, {0}}));
        int n = 50;
        int reps = 20000;
        Rng rng = Rng.of(5);
        double[][][] draws = new double[3][3][reps];
        for (int r = 0; r < reps; r++) {
            DMatrixRMaj x = g.sampleEquivalentDesign(n, rng);
            DMatrixRMaj s = Mat.scale(1.0 / x.numRows, Mat.multTransA(x, x));
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    draws[i][j][r] = s.get(i, j);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                MonteCarlo mc = MonteCarlo.of(draws[i][j]);
                assertEquals(S[i][j], mc.mean(), FalseAlarm.Z * mc.standardError(), "E S_n[" + i + "," + j + "]");
                // Var of a Wishart/n entry: (S_ii S_jj + S_ij^2) / n; SE of a variance estimate ~ sd^2 sqrt(2/reps)
                double var = (S[i][i] * S[j][j] + S[i][j] * S[i][j]) / n;
                double[] sq = new double[reps];
                for (int r = 0; r < reps; r++) {
                    sq[r] = (draws[i][j][r] - S[i][j]) * (draws[i][j][r] - S[i][j]);
                }
                MonteCarlo mv = MonteCarlo.of(sq);
                assertEquals(var, mv.mean(), FalseAlarm.Z * mv.standardError(), "Var S_n[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void smallSampleFallsBackToSampledInputs() {
        GaussianLinearFeatures g = new GaussianLinearFeatures(new DMatrixRMaj(S), new double[] {1, 0, 0}, 1.0, 1,
                w -> new DMatrixRMaj(new double[][] {{1}, {w[0]}, {0}}));
        assertEquals(2, g.sampleEquivalentDesign(2, Rng.of(1)).numRows);
        assertEquals(3, g.sampleEquivalentDesign(3, Rng.of(1)).numRows);
    }

    @Test
    void rejectsBadInputs() {
        DMatrixRMaj notPd = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
        assertThrows(IllegalArgumentException.class, () -> new GaussianLinearFeatures(notPd, new double[] {1, 0}, 1.0,
                1, w -> new DMatrixRMaj(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> new GaussianLinearFeatures(Mat.identity(2),
                new double[] {1, 0, 0}, 1.0, 1, w -> new DMatrixRMaj(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> new GaussianLinearFeatures(Mat.identity(2),
                new double[] {1, 0}, -1.0, 1, w -> new DMatrixRMaj(2, 1)));
        GaussianLinearFeatures nan = new GaussianLinearFeatures(Mat.identity(2), new double[] {1, 0}, 1.0, 1,
                w -> new DMatrixRMaj(new double[][] {{Double.NaN}, {0}}));
        assertThrows(IllegalArgumentException.class, () -> nan.crossMoment(new double[1], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> new ToySignFlip(0.0, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ToyNonRegular(1.0, 1.0, Mat.identity(2)));
    }
}
