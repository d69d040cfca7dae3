package twostage.quotient;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * The concrete local section of Appendix H.1 (p. 72; claims.md CF8) with reference frame U* (d x k, orthonormal):
 * P(M) = top-k eigenprojector of M, B(M) = U*^T P(M) U*, U(M) = P(M) U* B(M)^{-1/2}, Lambda(M) = U(M)^T M U(M),
 * s(M) = Lambda(M)^{1/2} U(M)^T (k x d). Then s(M)^T s(M) = P M P = M for M of rank k with B(M) invertible (i.e. near
 * the reference point).
 */
public final class ReferenceSection {

    private final DMatrixRMaj uStar;

    /** @throws IllegalArgumentException if U* does not have orthonormal columns */
    public ReferenceSection(DMatrixRMaj uStar) {
        Checks.requireFinite("U*", uStar);
        if (Mat.dist(Mat.multTransA(uStar, uStar), Mat.identity(uStar.numCols)) > 1e-10) {
            throw new IllegalArgumentException("U* must have orthonormal columns");
        }
        this.uStar = uStar.copy();
    }

    /** The section with U* = top-k eigenvectors of M*. */
    public static ReferenceSection at(DMatrixRMaj mStar, int k) {
        return new ReferenceSection(SymmetricEigen.of(mStar).leading(k));
    }

    /** s(M). @throws IllegalArgumentException if B(M) is singular (M too far from the reference) */
    public DMatrixRMaj section(DMatrixRMaj m) {
        int k = uStar.numCols;
        DMatrixRMaj v = SymmetricEigen.of(m).leading(k);
        DMatrixRMaj p = Mat.mult(v, Mat.transpose(v));
        DMatrixRMaj b = Mat.mult(Mat.transpose(uStar), p, uStar);
        LinearOrthogonalModel.symmetrize(b);
        SymmetricEigen eb = SymmetricEigen.of(b);
        if (!(eb.values()[k - 1] > 1e-10)) {
            throw new IllegalArgumentException("reference section undefined: U*^T P(M) U* is singular");
        }
        DMatrixRMaj bInvRoot = eb.apply(x -> 1 / Math.sqrt(x));
        DMatrixRMaj u = Mat.mult(p, uStar, bInvRoot);
        DMatrixRMaj lam = Mat.mult(Mat.transpose(u), m, u);
        LinearOrthogonalModel.symmetrize(lam);
        DMatrixRMaj lamRoot = SymmetricEigen.of(lam).apply(x -> Math.sqrt(Math.max(x, 0)));
        return Mat.mult(lamRoot, Mat.transpose(u));
    }
}
