package twostage.quotient;

import org.ejml.data.DMatrixRMaj;
import twostage.geometry.FixedRankPsdManifold;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * The smallest instance with a genuine continuous symmetry (the structure of the spectral case study, Section 6.1):
 * representation psi(x, A) = A x with A in R^{k x d} (k <= d), the group O(k) acting on the left, A -> Q A, with
 * rho(Q) = Q, so psi(x, Q A) = rho(Q) psi(x, A) (4.3); descriptor D(A) = A^T A on the fixed-rank manifold M_{d,k}
 * (from {@link FixedRankPsdManifold#gram}, whose section is the eigen-section Lambda^{1/2} U^T).
 *
 * <p>Parameters are k x d matrices; flat arrays are row-major as in {@code twostage.engine}.
 */
public final class LinearOrthogonalModel {

    private final int d;
    private final int k;
    private final FixedRankPsdManifold manifold;

    /** @throws IllegalArgumentException unless 1 <= k <= d */
    public LinearOrthogonalModel(int d, int k) {
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("need 1 <= k <= d, got k=" + k + ", d=" + d);
        }
        this.d = d;
        this.k = k;
        this.manifold = FixedRankPsdManifold.gram(d, k);
    }

    public int d() { return d; }
    public int k() { return k; }
    public FixedRankPsdManifold manifold() { return manifold; }

    /** psi(x, A) = A x. */
    public DMatrixRMaj features(DMatrixRMaj a, DMatrixRMaj x) {
        Checks.requireShape("A", a, k, d);
        Checks.requireShape("x", x, d, 1);
        return Mat.mult(a, x);
    }

    /** Q . A = Q A. */
    public DMatrixRMaj act(DMatrixRMaj q, DMatrixRMaj a) {
        Checks.requireShape("group element Q", q, k, k);
        return Mat.mult(q, a);
    }

    /** D(A) = A^T A (d x d). */
    public DMatrixRMaj descriptor(DMatrixRMaj a) {
        DMatrixRMaj m = Mat.multTransA(a, a);
        symmetrize(m);
        return m;
    }

    /** The eigen-section s(M) = Lambda^{1/2} U^T (k x d) of {@link FixedRankPsdManifold#gram}. */
    public DMatrixRMaj eigenSection(DMatrixRMaj m) {
        return new DMatrixRMaj(k, d, true, manifold.section(m.getData()));
    }

    /**
     * The eigen-section with each row's sign aligned to a reference value s_ref (row i flipped when
     * <s_i(M), s_ref,i> < 0). The plain eigen-section fixes signs by the largest-magnitude entry of each eigenvector, a
     * rule that jumps where that entry changes (a seed sweep found such jumps on random curves); aligned to a nearby
     * reference it is a smooth local section, as Lemmas E.3 and E.4 require.
     */
    public DMatrixRMaj eigenSection(DMatrixRMaj m, DMatrixRMaj reference) {
        DMatrixRMaj s = eigenSection(m);
        for (int i = 0; i < k; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += s.get(i, j) * reference.get(i, j);
            }
            if (dot < 0) {
                for (int j = 0; j < d; j++) {
                    s.set(i, j, -s.get(i, j));
                }
            }
        }
        return s;
    }

    /**
     * The group element relating two representatives of one orbit: g = A' A^+ (with A of full row rank k, A A^+ = I,
     * so A' = g A whenever A' is in the orbit of A).
     */
    public DMatrixRMaj relate(DMatrixRMaj aPrime, DMatrixRMaj a) {
        return Mat.mult(aPrime, PseudoInverse.pinv(a));
    }

    /**
     * A random representative of full row rank with well-separated singular values: A = O diag(sigma) W^T with O Haar
     * in O(k), W d x k orthonormal, sigma_i = 1 + 0.6 (k - i) + 0.1 u_i (so the eigenvalues of A^T A are distinct).
     */
    public DMatrixRMaj randomRepresentative(twostage.random.Rng rng) {
        DMatrixRMaj o = twostage.random.RandomMatrices.haarOrthogonal(k, rng);
        DMatrixRMaj w = twostage.random.RandomMatrices.orthonormalColumns(d, k, rng);
        DMatrixRMaj s = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            s.set(i, i, 1 + 0.6 * (k - 1 - i) + 0.1 * rng.nextDouble());
        }
        return Mat.mult(o, s, Mat.transpose(w));
    }

    /** ||Q^T Q - I||_F, the distance of Q from O(k). */
    public static double orthogonalityDefect(DMatrixRMaj q) {
        return Mat.dist(Mat.multTransA(q, q), Mat.identity(q.numCols));
    }

    static void symmetrize(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = i + 1; j < m.numCols; j++) {
                double v = 0.5 * (m.get(i, j) + m.get(j, i));
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
    }
}
