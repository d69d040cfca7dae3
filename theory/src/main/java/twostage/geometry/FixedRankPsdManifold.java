package twostage.geometry;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.linalg.Checks;
import twostage.linalg.Mat;

/**
 * A descriptor manifold whose image is M_{d,k} (rank-k PSD d x d matrices, Frobenius metric of R^{d*d}). The
 * geometric operations are those of {@link FixedRankPsdGeometry}; a case study supplies the descriptor D(w) and
 * the section s(Omega), either by subclassing or through {@link #of}. Two common choices are provided:
 * {@link #gram} (D(A) = A^T A, A k x d, the spectral case study) and {@link #outer} (D(A) = A A^T, A d x k, the
 * factor model).
 *
 * <p>{@link #log} is the first-order proxy P_T(other - Omega) (error O(||other - Omega||^2)); {@link #retract} is
 * the top-k eigen-truncation of Omega + xi.
 */
public abstract class FixedRankPsdManifold implements DescriptorManifold {

    private final FixedRankPsdGeometry geometry;

    protected FixedRankPsdManifold(int d, int k) {
        this.geometry = FixedRankPsdGeometry.of(d, k);
    }

    /** The geometry of M_{d,k} (also gives the Riemannian Hessian of CF7). */
    public final FixedRankPsdGeometry geometry() {
        return geometry;
    }

    @Override
    public final int ambientDimension() {
        return geometry.ambientDimension();
    }

    @Override
    public final int dimension() {
        return geometry.dimension();
    }

    @Override
    public final DMatrixRMaj tangentBasis(double[] omega) {
        return geometry.tangentBasis(omega);
    }

    @Override
    public final double[] projectTangent(double[] omega, double[] v) {
        return geometry.projectTangent(omega, v);
    }

    @Override
    public final double[] retract(double[] omega, double[] xi) {
        return geometry.retract(omega, xi);
    }

    /** The first-order proxy P_T(other - Omega), not the exact Riemannian logarithm. */
    @Override
    public final double[] log(double[] omega, double[] other) {
        return geometry.log(omega, other);
    }

    /** A manifold from a descriptor and a section given as functions. */
    public static FixedRankPsdManifold of(int d, int k, Function<double[], double[]> descriptor,
                                          Function<double[], double[]> section) {
        return new FixedRankPsdManifold(d, k) {
            @Override
            public double[] descriptor(double[] w) {
                return descriptor.apply(w);
            }

            @Override
            public double[] section(double[] omega) {
                return section.apply(omega);
            }
        };
    }

    /**
     * D(A) = A^T A for A in R^{k x d} (w = A row-major, length k*d); section s(M) = diag(lambda)^{1/2} U^T with the
     * sign-fixed eigenvectors of M (smooth near M when its nonzero eigenvalues are simple).
     */
    public static FixedRankPsdManifold gram(int d, int k) {
        FixedRankPsdGeometry g = FixedRankPsdGeometry.of(d, k);
        return of(d, k, w -> Mat.multTransA(factor("A (k x d)", w, k, d), factor("A (k x d)", w, k, d)).getData(),
                omega -> Mat.transpose(halfFactor(g, omega)).getData());
    }

    /**
     * D(A) = A A^T for A in R^{d x k} (w = A row-major, length d*k); section s(M) = U diag(lambda)^{1/2} with the
     * sign-fixed eigenvectors of M.
     */
    public static FixedRankPsdManifold outer(int d, int k) {
        FixedRankPsdGeometry g = FixedRankPsdGeometry.of(d, k);
        return of(d, k, w -> Mat.multTransB(factor("A (d x k)", w, d, k), factor("A (d x k)", w, d, k)).getData(),
                omega -> halfFactor(g, omega).getData());
    }

    /** U diag(lambda)^{1/2} (d x k) at a validated point. */
    private static DMatrixRMaj halfFactor(FixedRankPsdGeometry g, double[] omega) {
        FixedRankPsdPoint p = g.point(omega);
        DMatrixRMaj a = p.u().copy();
        for (int j = 0; j < p.k(); j++) {
            double s = Math.sqrt(p.lambda()[j]);
            for (int i = 0; i < p.d(); i++) {
                a.set(i, j, s * a.get(i, j));
            }
        }
        return a;
    }

    private static DMatrixRMaj factor(String what, double[] w, int rows, int cols) {
        if (w == null || w.length != rows * cols) {
            throw new IllegalArgumentException(what + " must have length " + rows * cols + ", got "
                    + (w == null ? "null" : w.length));
        }
        Checks.requireFinite(what, w);
        return new DMatrixRMaj(rows, cols, true, w);
    }

    @Override
    public String toString() {
        return geometry.toString();
    }
}
