package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * The concrete local section of Appendix H.1 (p. 72) of the rank-k PSD manifold, anchored at an orthonormal basis
 * U* (d x k) of range(M*):
 * <pre>
 *   P(M) = projector onto range(M),  B(M) = U*^T P(M) U*,  U(M) = P(M) U* B(M)^-1/2,
 *   Lambda(M) = U(M)^T M U(M),       s(M) = Lambda(M)^1/2 U(M)^T  (k x d),
 * </pre>
 * so that s(M)^T s(M) = M near M*. The range of M is read off the top-k eigenvectors of M; the map is defined when
 * B(M) is positive definite (M's range not orthogonal to any direction of range(M*)).
 */
public final class LocalSection {

    private final DMatrixRMaj uStar;

    private LocalSection(DMatrixRMaj uStar) {
        this.uStar = uStar.copy();
    }

    /** The section anchored at U* (orthonormal columns). */
    public static LocalSection at(DMatrixRMaj uStar) {
        return new LocalSection(uStar);
    }

    public int k() {
        return uStar.numCols;
    }

    /** P(M), the orthogonal projector onto the span of the top-k eigenvectors of M. */
    public DMatrixRMaj rangeProjector(DMatrixRMaj m) {
        DMatrixRMaj u = SymmetricEigen.of(m).leading(k());
        return Mat.multTransB(u, u);
    }

    /** U(M) = P(M) U* B(M)^-1/2. */
    public DMatrixRMaj frame(DMatrixRMaj m) {
        DMatrixRMaj p = rangeProjector(m);
        DMatrixRMaj pu = Mat.mult(p, uStar);
        DMatrixRMaj b = Mat.multTransA(uStar, pu);
        SpectralModel.symmetrise(b);
        SymmetricEigen eb = SymmetricEigen.of(b);
        if (!(eb.values()[k() - 1] > 1e-12)) {
            throw new twostage.check.AssumptionViolation("domain of the local section", "B(M) = U*^T P(M) U* must be positive definite "
                    + "(smallest eigenvalue " + eb.values()[k() - 1] + "); M is too far from M*");
        }
        return Mat.mult(pu, eb.apply(v -> 1 / Math.sqrt(v)));
    }

    /** s(M) = Lambda(M)^1/2 U(M)^T, a k x d matrix with s(M)^T s(M) = M. */
    public DMatrixRMaj apply(DMatrixRMaj m) {
        DMatrixRMaj u = frame(m);
        DMatrixRMaj lambda = Mat.multTransA(u, Mat.mult(m, u));
        SpectralModel.symmetrise(lambda);
        SymmetricEigen el = SymmetricEigen.of(lambda);
        DMatrixRMaj root = el.apply(v -> Math.sqrt(Math.max(v, 0)));
        return Mat.multTransB(root, u);
    }
}
