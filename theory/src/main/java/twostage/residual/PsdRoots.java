package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.SymmetricEigen;

/**
 * Square roots of a symmetric PSD matrix S through its eigendecomposition: S^{1/2}, and the pseudo-inverse root
 * S^{+/2} = (S^+)^{1/2}, which is zero on ker S. Eigenvalues at most {@code 1e-10 * lambda_max} count as zero.
 */
public final class PsdRoots {

    private static final double REL_TOL = 1e-10;

    private PsdRoots() {
    }

    /** S^{1/2}. @throws IllegalArgumentException if S is not symmetric PSD */
    public static DMatrixRMaj sqrt(DMatrixRMaj s) {
        Checks.requirePsd("matrix whose square root is taken", s, 1e-9);
        return SymmetricEigen.of(s).apply(l -> l > 0 ? Math.sqrt(l) : 0.0);
    }

    /** S^{+/2}: eigenvalues above the rank cut map to l^{-1/2}, the rest to 0. */
    public static DMatrixRMaj pinvSqrt(DMatrixRMaj s) {
        Checks.requirePsd("matrix whose pseudo-inverse root is taken", s, 1e-9);
        SymmetricEigen e = SymmetricEigen.of(s);
        double cut = REL_TOL * Math.max(0, e.values()[0]);
        return e.apply(l -> l > cut ? 1.0 / Math.sqrt(l) : 0.0);
    }

    /** The orthogonal projector onto Im S (same rank cut). */
    public static DMatrixRMaj rangeProjector(DMatrixRMaj s) {
        SymmetricEigen e = SymmetricEigen.of(s);
        double cut = REL_TOL * Math.max(0, e.values()[0]);
        return e.apply(l -> l > cut ? 1.0 : 0.0);
    }

    /** An orthonormal basis of ker S (columns), with the same rank cut; a p x 0 matrix when S is invertible. */
    public static DMatrixRMaj kernelBasis(DMatrixRMaj s) {
        SymmetricEigen e = SymmetricEigen.of(s);
        int r = rank(e);
        return r == s.numRows ? new DMatrixRMaj(s.numRows, 0) : e.trailing(r);
    }

    /** An orthonormal basis of Im S (columns). */
    public static DMatrixRMaj rangeBasis(DMatrixRMaj s) {
        SymmetricEigen e = SymmetricEigen.of(s);
        int r = rank(e);
        return r == 0 ? new DMatrixRMaj(s.numRows, 0) : e.leading(r);
    }

    private static int rank(SymmetricEigen e) {
        double cut = REL_TOL * Math.max(0, e.values()[0]);
        int r = 0;
        for (double l : e.values()) {
            if (l > cut) {
                r++;
            }
        }
        return r;
    }
}
