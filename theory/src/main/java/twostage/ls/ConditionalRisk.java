package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * The conditional risk R = E[(Y_new - f(X_new))^2 | design] of min-norm OLS computed directly from its definition,
 * not from the decomposition of Proposition B.1. The fitted coefficient is linear in the labels,
 * theta = Phi^+ (f + eps), so with independent label noise of variances v_i:
 * <pre>
 *   R = E[eps_new^2] + E_X[(f*(X) - phi(X)^T Phi^+ f)^2] + sum_i v_i E_X[(phi(X)^T Phi^+ e_i)^2],
 * </pre>
 * each test-point integral taken by the law ({@link FeatureLaw}). {@link #monteCarlo} averages over simulated noise
 * vectors instead of using the trace formula.
 */
public final class ConditionalRisk {

    private ConditionalRisk() {
    }

    /**
     * @param law               the downstream law (test-point integrals)
     * @param phi               n x p design features
     * @param fStar             f*(x_i), length n
     * @param noiseVariances    E[eps_i^2 | x_i], length n, each >= 0
     * @param testNoiseVariance E[eps_new^2]
     */
    public static double exact(FeatureLaw law, DMatrixRMaj phi, double[] fStar, double[] noiseVariances,
                               double testNoiseVariance) {
        validate(law, phi, fStar, noiseVariances, testNoiseVariance);
        DMatrixRMaj pinv = PseudoInverse.pinv(phi);
        double bias = law.meanSquaredError(Mat.mult(pinv, Mat.col(fStar)).getData());
        double var = 0;
        double[] column = new double[pinv.numRows];
        for (int i = 0; i < phi.numRows; i++) {
            for (int j = 0; j < column.length; j++) {
                column[j] = pinv.get(j, i);
            }
            var += noiseVariances[i] * law.meanSquare(column);
        }
        return testNoiseVariance + bias + var;
    }

    /** Homoskedastic case: every noise variance sigma^2. */
    public static double exact(FeatureLaw law, DMatrixRMaj phi, double[] fStar, double sigma2) {
        double[] v = new double[phi.numRows];
        java.util.Arrays.fill(v, sigma2);
        return exact(law, phi, fStar, v, sigma2);
    }

    /**
     * Monte Carlo over Gaussian noise vectors eps_i ~ N(0, v_i): the mean of
     * E[eps_new^2] + E_X[(f*(X) - phi(X)^T Phi^+ (f + eps))^2] over {@code draws} noise vectors.
     */
    public static MonteCarlo monteCarlo(FeatureLaw law, DMatrixRMaj phi, double[] fStar, double[] noiseVariances,
                                        double testNoiseVariance, int draws, Rng rng) {
        validate(law, phi, fStar, noiseVariances, testNoiseVariance);
        DMatrixRMaj pinv = PseudoInverse.pinv(phi);
        int n = phi.numRows;
        double[] y = new double[n];
        double[] out = new double[draws];
        for (int k = 0; k < draws; k++) {
            for (int i = 0; i < n; i++) {
                y[i] = fStar[i] + Math.sqrt(noiseVariances[i]) * rng.gaussian();
            }
            out[k] = testNoiseVariance + law.meanSquaredError(Mat.mult(pinv, Mat.col(y)).getData());
        }
        return MonteCarlo.of(out);
    }

    private static void validate(FeatureLaw law, DMatrixRMaj phi, double[] fStar, double[] noiseVariances,
                                 double testNoiseVariance) {
        MinNormOls.requireDesign(phi);
        if (phi.numCols != law.featureDimension()) {
            throw new IllegalArgumentException("design has p=" + phi.numCols + " columns but the law has p="
                    + law.featureDimension());
        }
        if (fStar.length != phi.numRows || noiseVariances.length != phi.numRows) {
            throw new IllegalArgumentException("f* values (" + fStar.length + ") and noise variances ("
                    + noiseVariances.length + ") must match design rows (" + phi.numRows + ")");
        }
        Checks.requireFinite("f* values", fStar);
        for (double v : noiseVariances) {
            Checks.requireNonNegative("noise variance", v);
        }
        Checks.requireNonNegative("test noise variance", testNoiseVariance);
    }
}
