package twostage.geometry;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Checks;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;

/**
 * A validated point M = U diag(lambda) U^T of the fixed-rank PSD manifold M_{d,k}, kept with its factors so the
 * geometric operations need one eigendecomposition only.
 *
 * @param matrix the d x d matrix M (exactly symmetrised)
 * @param u      d x k orthonormal eigenvectors of the nonzero eigenvalues (sign-fixed as in {@link SymmetricEigen})
 * @param lambda the k positive eigenvalues, decreasing
 * @param uPerp  d x (d - k) orthonormal basis of the kernel of M
 */
public record FixedRankPsdPoint(DMatrixRMaj matrix, DMatrixRMaj u, double[] lambda, DMatrixRMaj uPerp) {

    /**
     * Relative rank tolerance: eigenvalues at most {@code RANK_TOL * lambda_max} in absolute value count as zero,
     * and the k-th eigenvalue must exceed it.
     */
    public static final double RANK_TOL = 1e-8;

    /**
     * Factors a flat row-major d x d array that must be a symmetric PSD matrix of rank exactly k.
     *
     * @throws IllegalArgumentException naming the violated condition: wrong length, non-finite entries, asymmetry,
     *                                  a negative eigenvalue (not PSD), rank below k or rank above k
     */
    public static FixedRankPsdPoint of(double[] flat, int d, int k) {
        if (flat == null || flat.length != d * d) {
            throw new IllegalArgumentException("a point of M_{d,k} with d=" + d + " must have length d*d=" + d * d
                    + ", got " + (flat == null ? "null" : flat.length));
        }
        Checks.requireFinite("point of M_{d,k}", flat);
        DMatrixRMaj m = new DMatrixRMaj(d, d, true, flat);
        Checks.requireSymmetric("point of M_{d,k}", m, 1e-8);
        RandomMatrices.symmetrize(m);
        SymmetricEigen e = SymmetricEigen.of(m);
        double[] v = e.values();
        double top = Math.max(Math.abs(v[0]), Math.abs(v[d - 1]));
        double tol = RANK_TOL * top;
        if (v[d - 1] < -tol) {
            throw new IllegalArgumentException("point of M_{d,k} must be positive semi-definite (smallest eigenvalue "
                    + v[d - 1] + ", largest " + v[0] + ")");
        }
        if (!(v[k - 1] > tol)) {
            throw new IllegalArgumentException("point of M_{d,k} must have rank k=" + k + ": its k-th eigenvalue "
                    + v[k - 1] + " is not above " + tol + " (rank < k)");
        }
        if (k < d && Math.abs(v[k]) > tol) {
            throw new IllegalArgumentException("point of M_{d,k} must have rank k=" + k + ": its (k+1)-th eigenvalue "
                    + v[k] + " is above " + tol + " (rank > k)");
        }
        double[] lam = java.util.Arrays.copyOf(v, k);
        DMatrixRMaj kernel = k == d ? new DMatrixRMaj(d, 0) : e.trailing(k);
        return new FixedRankPsdPoint(m, e.leading(k), lam, kernel);
    }

    /** d. */
    public int d() {
        return matrix.numRows;
    }

    /** k. */
    public int k() {
        return lambda.length;
    }

    /** P_U = U U^T, the orthogonal projector onto the range of M. */
    public DMatrixRMaj rangeProjector() {
        DMatrixRMaj p = new DMatrixRMaj(d(), d());
        CommonOps_DDRM.multTransB(u, u, p);
        return p;
    }

    /** M^+ = U diag(1/lambda) U^T. */
    public DMatrixRMaj pinv() {
        DMatrixRMaj ul = u.copy();
        for (int j = 0; j < k(); j++) {
            for (int i = 0; i < d(); i++) {
                ul.set(i, j, ul.get(i, j) / lambda[j]);
            }
        }
        DMatrixRMaj p = new DMatrixRMaj(d(), d());
        CommonOps_DDRM.multTransB(ul, u, p);
        return p;
    }
}
