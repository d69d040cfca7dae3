package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * The closed-form PPCA maximum likelihood estimator of Lemma I.1 ((I.4), p. 94): from the eigendecomposition
 * S_m = U Lambda U^T with lambda_1 >= .. >= lambda_d,
 * <pre>
 *   M_hat = U_k diag((lambda_1 - 1)_+, .., (lambda_k - 1)_+) U_k^T,   A_hat = U_k diag((lambda_i - 1)_+)^(1/2)
 * </pre>
 * (A_hat A_hat^T = M_hat). The rank of M_hat is the number of lambda_i > 1 among the top k.
 *
 * @param m          M_hat (d x d)
 * @param a          A_hat (d x k), zero columns where lambda_i <= 1
 * @param uk         U_k (d x k)
 * @param lambdas    the top-k eigenvalues of S_m
 * @param rank       rank of M_hat
 */
public record PpcaEstimator(DMatrixRMaj m, DMatrixRMaj a, DMatrixRMaj uk, double[] lambdas, int rank) {

    /** The estimator from a sample second-moment matrix S (d x d, symmetric) and a number of factors 1 <= k < d. */
    public static PpcaEstimator fit(DMatrixRMaj s, int k) {
        Checks.requireSquare("sample covariance S_m", s);
        Checks.requireFinite("sample covariance S_m", s);
        int d = s.numRows;
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("the number of factors k must satisfy 1 <= k < d, got k=" + k + ", d=" + d);
        }
        SymmetricEigen e = SymmetricEigen.of(Linalg.sym(s));
        DMatrixRMaj uk = e.leading(k);
        DMatrixRMaj a = uk.copy();
        double[] lam = java.util.Arrays.copyOf(e.values(), k);
        int rank = 0;
        for (int j = 0; j < k; j++) {
            double t = Math.max(lam[j] - 1, 0);
            if (t > 0) {
                rank++;
            }
            double r = Math.sqrt(t);
            for (int i = 0; i < d; i++) {
                a.set(i, j, a.get(i, j) * r);
            }
        }
        DMatrixRMaj m = Mat.multTransB(a, a);
        Linalg.symmetrize(m);
        return new PpcaEstimator(m, a, uk, lam, rank);
    }

    /** The downstream feature matrix W(A_hat) = A_hat^T (I + M_hat)^-1 (k x d). */
    public DMatrixRMaj featureMatrix() {
        return FactorModel.featureMatrix(a);
    }
}
