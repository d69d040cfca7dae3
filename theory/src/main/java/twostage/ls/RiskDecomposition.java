package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * Exact conditional risk decomposition of min-norm OLS on fixed features (Proposition B.1, p. 25; CF1 of the
 * catalogue). With phi_i the design features, Sigma_n = (1/n) sum phi_i phi_i^T, c_n = (1/n) sum f*(x_i) phi_i, and
 * the population moments Sigma, c, E f*^2:
 * <pre>
 *   Rep    = E f*^2 - c^T Sigma^+ c
 *   Leak_n = delta^T Sigma delta,   delta = Sigma_n^+ c_n - Sigma^+ c
 *   Var_n  = (sigma^2 / n) tr(Sigma Sigma_n^+)
 * </pre>
 * and R = sigma^2 + Rep + Leak_n + Var_n under homoskedastic noise of variance sigma^2.
 */
public final class RiskDecomposition {

    private RiskDecomposition() {
    }

    /**
     * @param moments population moments of the feature map used
     * @param phi     n x p design features (rows phi(x_i))
     * @param fStar   f*(x_i), length n
     * @param sigma2  noise variance, >= 0
     */
    public static RiskParts of(PopulationMoments moments, DMatrixRMaj phi, double[] fStar, double sigma2) {
        int n = phi.numRows;
        int p = phi.numCols;
        if (n < 1) {
            throw new IllegalArgumentException("design must have at least one row");
        }
        if (p != moments.featureDimension()) {
            throw new IllegalArgumentException("design has " + p + " feature columns but the moments are for p="
                    + moments.featureDimension());
        }
        if (fStar.length != n) {
            throw new IllegalArgumentException("f* values (" + fStar.length + ") must match design rows (" + n + ")");
        }
        Checks.requireFinite("design features", phi);
        Checks.requireFinite("f* values", fStar);
        Checks.requireNonNegative("noise variance sigma^2", sigma2);
        DMatrixRMaj sigma = moments.sigma();
        DMatrixRMaj sigmaPinv = PseudoInverse.pinv(sigma);
        DMatrixRMaj c = moments.c();
        DMatrixRMaj sigmaN = Mat.scale(1.0 / n, Mat.multTransA(phi, phi));
        DMatrixRMaj sigmaNPinv = PseudoInverse.pinv(sigmaN);
        DMatrixRMaj cN = Mat.scale(1.0 / n, Mat.multTransA(phi, Mat.col(fStar)));
        double rep = moments.targetSecondMoment() - Mat.multTransA(c, Mat.mult(sigmaPinv, c)).get(0);
        DMatrixRMaj delta = Mat.sub(Mat.mult(sigmaNPinv, cN), Mat.mult(sigmaPinv, c));
        double leak = Mat.multTransA(delta, Mat.mult(sigma, delta)).get(0);
        double var = sigma2 / n * Mat.trace(Mat.mult(sigma, sigmaNPinv));
        // Rep and Leak are squared L2 norms: rounding may leave them slightly below zero, a real negative is a bug
        double scale = Math.max(1.0, moments.targetSecondMoment());
        if (rep < -1e-8 * scale || leak < -1e-8 * scale) {
            throw new IllegalStateException("negative squared norm: Rep=" + rep + ", Leak=" + leak
                    + " (population moments inconsistent: Sigma not PSD or c outside Im Sigma)");
        }
        return new RiskParts(Math.max(rep, 0.0), Math.max(leak, 0.0), var);
    }
}
