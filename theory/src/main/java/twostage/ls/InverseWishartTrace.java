package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * The variance factor tr(Sigma Sigma_n^+) of Gaussian features: rows phi_i ~ N(0, Sigma) i.i.d., Sigma p x p
 * positive definite, Sigma_n = (1/n) sum phi_i phi_i^T. Since n Sigma_n is Wishart(Sigma, n), the inverse-Wishart mean
 * E[(n Sigma_n)^{-1}] = Sigma^{-1} / (n - p - 1) gives E tr(Sigma Sigma_n^{-1}) = n p / (n - p - 1) for n >= p + 2;
 * the mean is infinite for n = p + 1 (and Sigma_n is singular for n <= p). The law of the trace does not depend on
 * Sigma (whitening), which the draws use as a control.
 */
public final class InverseWishartTrace {

    private final DMatrixRMaj sigma;
    private final DMatrixRMaj sqrtSigma;
    private final int n;

    private InverseWishartTrace(DMatrixRMaj sigma, int n) {
        this.sigma = sigma;
        this.sqrtSigma = SymmetricEigen.of(sigma).apply(v -> Math.sqrt(Math.max(v, 0)));
        this.n = n;
    }

    /**
     * @param sigma population covariance, symmetric positive definite
     * @param n     sample size, n > p (so Sigma_n is invertible almost surely)
     */
    public static InverseWishartTrace of(DMatrixRMaj sigma, int n) {
        Checks.requireFinite("Sigma", sigma);
        Checks.requirePositiveDefinite("Sigma", sigma, 1e-12);
        if (n <= sigma.numRows) {
            throw new IllegalArgumentException("sample size must exceed p for an invertible Sigma_n: n=" + n + ", p="
                    + sigma.numRows);
        }
        return new InverseWishartTrace(sigma.copy(), n);
    }

    /** E tr(Sigma Sigma_n^{-1}) = n p / (n - p - 1); finite only for n >= p + 2. */
    public static double mean(int n, int p) {
        if (p < 1 || n < p + 2) {
            throw new IllegalArgumentException("the inverse-Wishart mean needs p >= 1 and n >= p + 2 (it is infinite at "
                    + "n = p + 1), got n=" + n + ", p=" + p);
        }
        return (double) n * p / (n - p - 1);
    }

    public int sampleSize() {
        return n;
    }

    public int dimension() {
        return sigma.numRows;
    }

    /** The rows of one design, n x p, rows N(0, Sigma). */
    public DMatrixRMaj sampleFeatures(Rng rng) {
        return Mat.mult(RandomMatrices.gaussian(n, sigma.numRows, rng), sqrtSigma);
    }

    /** One draw of tr(Sigma Sigma_n^+). */
    public double draw(Rng rng) {
        DMatrixRMaj phi = sampleFeatures(rng);
        DMatrixRMaj sigmaN = Mat.scale(1.0 / n, Mat.multTransA(phi, phi));
        RandomMatrices.symmetrize(sigmaN);
        return Mat.trace(Mat.mult(sigma, PseudoInverse.pinv(sigmaN)));
    }

    /** {@code count} draws. */
    public double[] draws(int count, Rng rng) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = draw(rng);
        }
        return x;
    }
}
