package twostage.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Moore-Penrose pseudo-inverse by SVD with an explicit rank cut: singular values at most
 * {@code relTol * sigma_max} are treated as zero (default {@link #DEFAULT_REL_TOL}).
 *
 * @param pinv the pseudo-inverse A^+ (n x m for A m x n)
 * @param rank the numerical rank used
 */
public record PseudoInverse(DMatrixRMaj pinv, int rank) {

    /** Default relative rank cut, as the catalogue recommends for rank-aware tests. */
    public static final double DEFAULT_REL_TOL = 1e-10;

    public static PseudoInverse of(DMatrixRMaj a) {
        return of(a, DEFAULT_REL_TOL);
    }

    public static PseudoInverse of(DMatrixRMaj a, double relTol) {
        return build(a, relTol, null);
    }

    /**
     * As {@link #of(DMatrixRMaj)}, but the rank must be clear: a singular value in {@link NumericalRank}'s band around
     * the cut (an ill-conditioned or nearly rank-deficient {@code what}) is an
     * {@link twostage.check.AssumptionViolation}, since A^+ then jumps with the choice of cut.
     */
    public static PseudoInverse ofDecidedRank(DMatrixRMaj a, String what) {
        return build(a, DEFAULT_REL_TOL, what);
    }

    private static PseudoInverse build(DMatrixRMaj a, double relTol, String decidedWhat) {
        Checks.requireFinite("matrix to pseudo-invert", a);
        int m = a.numRows;
        int n = a.numCols;
        if (m == 0 || n == 0) {
            return new PseudoInverse(new DMatrixRMaj(n, m), 0);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(a.copy())) {
            throw new IllegalStateException("SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        int k = Math.min(m, n);
        if (decidedWhat != null) {
            double[] sv = new double[k];
            for (int j = 0; j < k; j++) {
                sv[j] = w.get(j, j);
            }
            NumericalRank.of(sv, relTol, decidedWhat);
        }
        double smax = w.get(0, 0);
        int rank = 0;
        DMatrixRMaj vs = new DMatrixRMaj(n, k);
        for (int j = 0; j < k; j++) {
            double s = w.get(j, j);
            double inv = (s > relTol * smax && smax > 0) ? 1.0 / s : 0.0;
            if (inv != 0) {
                rank++;
            }
            for (int i = 0; i < n; i++) {
                vs.set(i, j, v.get(i, j) * inv);
            }
        }
        DMatrixRMaj uk = CommonOps_DDRM.extract(u, 0, m, 0, k);
        DMatrixRMaj p = new DMatrixRMaj(n, m);
        CommonOps_DDRM.multTransB(vs, uk, p);
        return new PseudoInverse(p, rank);
    }

    /** Shorthand for {@code of(a).pinv()}. */
    public static DMatrixRMaj pinv(DMatrixRMaj a) {
        return of(a).pinv();
    }
}
