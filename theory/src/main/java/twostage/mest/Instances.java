package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/** The fixed instances used by the Appendix D checks (one place, so every check uses the same ones). */
public final class Instances {

    private Instances() {
    }

    /** Well-specified Poisson regression, theta* = (0.5, 0.4, -0.3), covariates N(0, 0.5^2 I_2). */
    public static PoissonRegression poisson() {
        return PoissonRegression.of(new double[] {0.5, 0.4, -0.3}, 0.5);
    }

    /** Least squares with noise variance sigma^2 (0.05 + g1^2): sandwich diag(1.05, 3.05, 1.05), naive 1.05 I. */
    public static LeastSquares heteroskedastic() {
        return LeastSquares.heteroskedastic(new double[] {1, 2, -1}, 1, 0.05);
    }

    /** Duplicated regressor x = (1, g1, g1): violates D.2 (i) and (iv). */
    public static LeastSquares collinear() {
        return LeastSquares.of(new double[] {1, 2, -1}, 1, 0.05, LeastSquares.Design.DUPLICATED,
                LeastSquares.Noise.GAUSSIAN);
    }

    /** Student t_2 errors: violates D.2 (iii) (infinite score second moment). */
    public static LeastSquares heavyTailed() {
        return LeastSquares.of(new double[] {1, 2, -1}, 1, 0.05, LeastSquares.Design.INDEPENDENT,
                LeastSquares.Noise.STUDENT_T2);
    }

    /**
     * Sphere mean on S^3 with mu = (1.2, -1.2, 0.8, 0.4) (|mu| = sqrt(3.68) ~ 1.92) and anisotropic Sigma_z = Q diag(3, 2, 1, 0.5) Q^T
     * with a fixed Haar rotation Q (seed 20260).
     */
    public static SphereMean sphereMean() {
        DMatrixRMaj q = RandomMatrices.haarOrthogonal(4, Rng.of(20260));
        return SphereMean.of(new double[] {1.2, -1.2, 0.8, 0.4}, RandomMatrices.withEigenvalues(q, new double[] {3, 2, 1, 0.5}));
    }

    /** Sphere mean with mu = 0: every point minimises F, violating D.5 (i) and (iv). */
    public static SphereMean flatSphereMean() {
        DMatrixRMaj q = RandomMatrices.haarOrthogonal(4, Rng.of(20260));
        return SphereMean.of(new double[4], RandomMatrices.withEigenvalues(q, new double[] {3, 2, 1, 0.5}));
    }
}
