package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;

/** The sandwich covariance V = H^-1 Sigma H^-1 of Theorems D.4 and D.7. */
public final class Sandwich {

    private Sandwich() {
    }

    /**
     * @throws IllegalArgumentException if H is not symmetric positive definite (Assumptions D.2(iv)/D.5(iv): an
     *                                  invertible Hessian at a minimiser), or Sigma is not finite symmetric PSD
     */
    public static DMatrixRMaj of(DMatrixRMaj h, DMatrixRMaj sigma) {
        Checks.requireFinite("Hessian H*", h);
        Checks.requireSymmetric("Hessian H*", h, 1e-9);
        Checks.requirePositiveDefinite("Hessian H* (invertible at the minimiser)", h, 1e-12);
        Checks.requireFinite("score covariance Sigma* (finite score second moments)", sigma);
        Checks.requireShape("score covariance Sigma*", sigma, h.numRows, h.numCols);
        Checks.requirePsd("score covariance Sigma*", sigma, 1e-10);
        DMatrixRMaj hinv = new DMatrixRMaj(h.numRows, h.numCols);
        if (!CommonOps_DDRM.invertSPD(h.copy(), hinv)) {
            throw new IllegalArgumentException("Hessian H* must be invertible (Cholesky failed)");
        }
        DMatrixRMaj v = Mat.mult(hinv, sigma, hinv);
        RandomMatrices.symmetrize(v);
        return v;
    }
}
