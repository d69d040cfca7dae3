package twostage.quotient;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * The derivative of the eigen-section s(M) = Lambda^{1/2} V^T (V = top-k eigenvectors, sign-fixed) along a direction
 * Mdot tangent to M_{d,k}, by first-order eigen-perturbation (derived; needs distinct nonzero eigenvalues):
 * lambda_i' = v_i^T Mdot v_i, v_i' = sum_{j != i, j <= k} (v_j^T Mdot v_i)/(lambda_i - lambda_j) v_j
 * + (1/lambda_i) (I - V V^T) Mdot v_i, and s' = diag(lambda_i'/(2 sqrt(lambda_i))) V^T + Lambda^{1/2} V'^T.
 * With {@code rotation = false} the eigenvector terms are dropped (a planted error).
 */
public final class EigenSectionDerivative {

    private EigenSectionDerivative() {
    }

    public static DMatrixRMaj of(DMatrixRMaj m, DMatrixRMaj mdot, int k, boolean rotation) {
        Checks.requireSymmetric("direction Mdot", mdot, 1e-9);
        SymmetricEigen e = SymmetricEigen.of(m);
        int d = m.numRows;
        DMatrixRMaj v = e.leading(k);
        double[] lam = e.values();
        for (int i = 0; i < k; i++) {
            if (!(lam[i] > 0) || (i > 0 && !(lam[i - 1] - lam[i] > 1e-8 * lam[0]))) {
                throw new IllegalArgumentException("eigen-section derivative needs distinct positive top-k eigenvalues");
            }
        }
        DMatrixRMaj perp = Mat.sub(Mat.identity(d), Mat.mult(v, Mat.transpose(v)));
        DMatrixRMaj mv = Mat.mult(mdot, v);
        DMatrixRMaj vtmv = Mat.multTransA(v, mv);
        DMatrixRMaj vdot = new DMatrixRMaj(d, k);
        if (rotation) {
            DMatrixRMaj outer = Mat.mult(perp, mv);
            for (int i = 0; i < k; i++) {
                for (int r = 0; r < d; r++) {
                    double s = outer.get(r, i) / lam[i];
                    for (int j = 0; j < k; j++) {
                        if (j != i) {
                            s += vtmv.get(j, i) / (lam[i] - lam[j]) * v.get(r, j);
                        }
                    }
                    vdot.set(r, i, s);
                }
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(k, d);
        for (int i = 0; i < k; i++) {
            double root = Math.sqrt(lam[i]);
            double ldot = vtmv.get(i, i);
            for (int r = 0; r < d; r++) {
                out.set(i, r, ldot / (2 * root) * v.get(r, i) + root * vdot.get(r, i));
            }
        }
        return out;
    }
}
