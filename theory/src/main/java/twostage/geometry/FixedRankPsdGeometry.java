package twostage.geometry;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;

/**
 * The geometry of M_{d,k}, the symmetric PSD d x d matrices of rank exactly k, embedded in R^{d x d} with the
 * Frobenius metric (claims.md CF7; standard material that the paper uses for the spectral and factor case studies,
 * Appendices H and I). Points and tangent vectors are flat row-major arrays of length d*d.
 *
 * <p>At M = U diag(lambda) U^T with P_U = U U^T and P_perp = I - P_U:
 * <ul>
 *   <li>T_M = {U S U^T + U K^T + K U^T : S symmetric k x k, U^T K = 0}, of dimension dk - k(k-1)/2;</li>
 *   <li>the orthogonal projection of an ambient X (first replaced by its symmetric part, which is its Frobenius
 *       projection onto Sym(d)) is P_T(X) = P_U X + X P_U - P_U X P_U;</li>
 *   <li>the retraction R_M(xi) keeps the k largest eigenpairs of M + xi (the Frobenius-nearest point of M_{d,k}, a
 *       metric-projection retraction);</li>
 *   <li>the log proxy P_T(M' - M) agrees with the Riemannian logarithm to first order only: its error is
 *       O(||M' - M||^2), negligible at the sqrt(m) scale of the CLTs;</li>
 *   <li>the Riemannian Hessian at a critical point is
 *       Hess f(M)[xi] = P_T(D grad_E f(M)[xi]) + P_T(N xi M^+ + M^+ xi N), N = P_perp grad_E f(M) P_perp.</li>
 * </ul>
 * Instances are immutable; k = d is allowed (then M_{d,d} is the open cone of positive definite matrices).
 */
public final class FixedRankPsdGeometry {

    private final int d;
    private final int k;

    private FixedRankPsdGeometry(int d, int k) {
        this.d = d;
        this.k = k;
    }

    /** @throws IllegalArgumentException unless 1 <= k <= d */
    public static FixedRankPsdGeometry of(int d, int k) {
        if (d < 1) {
            throw new IllegalArgumentException("M_{d,k} needs d >= 1, got d=" + d);
        }
        if (k < 1) {
            throw new IllegalArgumentException("M_{d,k} needs rank k >= 1, got k=" + k);
        }
        if (k > d) {
            throw new IllegalArgumentException("M_{d,k} needs k <= d, got k=" + k + " > d=" + d);
        }
        return new FixedRankPsdGeometry(d, k);
    }

    public int d() {
        return d;
    }

    public int k() {
        return k;
    }

    /** q = d*d. */
    public int ambientDimension() {
        return d * d;
    }

    /** dim M_{d,k} = dk - k(k-1)/2. */
    public int dimension() {
        return d * k - k * (k - 1) / 2;
    }

    /** Validates and factors a point (see {@link FixedRankPsdPoint#of}). */
    public FixedRankPsdPoint point(double[] m) {
        return FixedRankPsdPoint.of(m, d, k);
    }

    /** P_T(sym(x)) at M. */
    public double[] projectTangent(double[] m, double[] x) {
        return projectTangent(point(m), x);
    }

    /** P_T(sym(x)) at a factored point. */
    public double[] projectTangent(FixedRankPsdPoint p, double[] x) {
        return projectTangent(p, symmetricPart(x)).getData();
    }

    private DMatrixRMaj projectTangent(FixedRankPsdPoint p, DMatrixRMaj xs) {
        DMatrixRMaj pu = p.rangeProjector();
        DMatrixRMaj pux = Mat.mult(pu, xs);
        DMatrixRMaj out = Mat.add(pux, Mat.mult(xs, pu));
        CommonOps_DDRM.subtractEquals(out, Mat.mult(pux, pu));
        RandomMatrices.symmetrize(out);
        return out;
    }

    /**
     * An orthonormal basis of T_M (Frobenius inner product of R^{d x d}) as the columns of a d*d x dim matrix:
     * u_i u_i^T (i <= k), (u_i u_j^T + u_j u_i^T)/sqrt2 (i < j <= k), and (u_i v_j^T + v_j u_i^T)/sqrt2 with v_j the
     * kernel directions. Columns depend on the sign-fixed eigenvectors, so they are reproducible.
     */
    public DMatrixRMaj tangentBasis(double[] m) {
        return tangentBasis(point(m));
    }

    /** The tangent basis at a factored point. */
    public DMatrixRMaj tangentBasis(FixedRankPsdPoint p) {
        DMatrixRMaj b = new DMatrixRMaj(d * d, dimension());
        DMatrixRMaj u = p.u();
        DMatrixRMaj v = p.uPerp();
        int col = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                putSymmetricOuter(b, col++, u, i, u, j);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d - k; j++) {
                putSymmetricOuter(b, col++, u, i, v, j);
            }
        }
        return b;
    }

    /** Column c of b := (a_i b_j^T + b_j a_i^T) normalised to unit Frobenius norm (a_i a_i^T when it is one vector). */
    private void putSymmetricOuter(DMatrixRMaj b, int c, DMatrixRMaj a, int i, DMatrixRMaj bb, int j) {
        boolean same = a == bb && i == j;
        double s = same ? 1.0 : 1.0 / Math.sqrt(2.0);
        for (int r = 0; r < d; r++) {
            for (int t = 0; t < d; t++) {
                double val = same ? a.get(r, i) * a.get(t, i)
                        : s * (a.get(r, i) * bb.get(t, j) + bb.get(r, j) * a.get(t, i));
                b.set(r * d + t, c, val);
            }
        }
    }

    /**
     * R_M(xi): the best rank-k approximation (top k eigenpairs) of M + sym(xi).
     *
     * @throws IllegalArgumentException if M is not on M_{d,k}, xi is not finite or of length d*d, or the k-th
     *                                  eigenvalue of M + xi is not positive (step too large for the retraction)
     */
    public double[] retract(double[] m, double[] xi) {
        return retract(point(m), xi);
    }

    /** The retraction at a factored point. */
    public double[] retract(FixedRankPsdPoint p, double[] xi) {
        DMatrixRMaj s = Mat.add(p.matrix(), symmetricPart(xi));
        return truncate(s, k, "M + xi").getData();
    }

    /**
     * The best rank-k PSD approximation (top-k eigen-truncation) of a symmetric matrix whose k-th eigenvalue is
     * positive.
     *
     * @throws IllegalArgumentException if the k-th eigenvalue is not positive
     */
    public static DMatrixRMaj truncate(DMatrixRMaj sym, int k, String what) {
        SymmetricEigen e = SymmetricEigen.of(sym);
        if (k < 1 || k > sym.numRows) {
            throw new IllegalArgumentException("truncation rank must be in [1, " + sym.numRows + "], got " + k);
        }
        double lk = e.values()[k - 1];
        if (!(lk > FixedRankPsdPoint.RANK_TOL * Math.abs(e.values()[0]))) {
            throw new IllegalArgumentException("rank-k truncation of " + what + " needs a positive k-th eigenvalue, got "
                    + lk + " (step too large for the retraction)");
        }
        double[] lam = java.util.Arrays.copyOf(e.values(), k);
        return RandomMatrices.withEigenvalues(e.vectors(), lam);
    }

    /**
     * The first-order log proxy P_T(other - M) at M. It equals the Riemannian logarithm up to O(||other - M||^2);
     * both points are validated.
     */
    public double[] log(double[] m, double[] other) {
        FixedRankPsdPoint p = point(m);
        double[] o = point(other).matrix().getData();
        double[] diff = new double[d * d];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = o[i] - p.matrix().get(i);
        }
        return projectTangent(p, diff);
    }

    /**
     * The Riemannian Hessian (CF7) applied to a tangent xi:
     * P_T(D grad_E f(M)[xi]) + P_T(N xi M^+ + M^+ xi N), N = P_perp grad_E f(M) P_perp.
     * CF7 states it at a critical point (P_T grad_E f(M) = 0); the curvature term is the Weingarten map of the
     * embedding applied to the normal part of the gradient, so the same formula holds at every point. The tests
     * confirm both cases against second differences of f along the (second-order, metric-projection) retraction.
     *
     * @param m                  the point
     * @param euclideanGradient  grad_E f(M) as a flat d*d array (its symmetric part is used)
     * @param euclideanHessian   xi -> D grad_E f(M)[xi], flat arrays
     * @param xi                 a tangent vector (it is projected onto T_M first)
     */
    public double[] riemannianHessian(double[] m, double[] euclideanGradient, UnaryOperator<double[]> euclideanHessian,
                                      double[] xi) {
        return riemannianHessian(point(m), euclideanGradient, euclideanHessian, xi);
    }

    /** The Riemannian Hessian at a factored point. */
    public double[] riemannianHessian(FixedRankPsdPoint p, double[] euclideanGradient,
                                      UnaryOperator<double[]> euclideanHessian, double[] xi) {
        DMatrixRMaj n = normalPart(p, euclideanGradient);
        DMatrixRMaj x = projectTangent(p, symmetricPart(xi));
        DMatrixRMaj mp = p.pinv();
        double[] dg = euclideanHessian.apply(x.getData().clone());
        DMatrixRMaj first = projectTangent(p, symmetricPart(dg));
        DMatrixRMaj curv = Mat.add(Mat.mult(n, x, mp), Mat.mult(mp, x, n));
        return Mat.add(first, projectTangent(p, curv)).getData();
    }

    /**
     * The Riemannian Hessian in the coordinates of {@link #tangentBasis(FixedRankPsdPoint)}: the dim x dim symmetric
     * matrix B^T Hess f(M) B (symmetrised).
     */
    public DMatrixRMaj riemannianHessianMatrix(FixedRankPsdPoint p, double[] euclideanGradient,
                                               UnaryOperator<double[]> euclideanHessian) {
        DMatrixRMaj b = tangentBasis(p);
        int dim = dimension();
        DMatrixRMaj hb = new DMatrixRMaj(d * d, dim);
        for (int c = 0; c < dim; c++) {
            double[] col = new double[d * d];
            for (int r = 0; r < d * d; r++) {
                col[r] = b.get(r, c);
            }
            double[] h = riemannianHessian(p, euclideanGradient, euclideanHessian, col);
            for (int r = 0; r < d * d; r++) {
                hb.set(r, c, h[r]);
            }
        }
        DMatrixRMaj out = Mat.multTransA(b, hb);
        RandomMatrices.symmetrize(out);
        return out;
    }

    /** N = P_perp sym(G) P_perp. */
    private DMatrixRMaj normalPart(FixedRankPsdPoint p, double[] g) {
        DMatrixRMaj v = p.uPerp();
        DMatrixRMaj pp = Mat.multTransB(v, v);
        return Mat.mult(pp, symmetricPart(g), pp);
    }

    /** The symmetric part of a flat d*d array, validated for length and finiteness. */
    private DMatrixRMaj symmetricPart(double[] x) {
        if (x == null || x.length != d * d) {
            throw new IllegalArgumentException("an ambient vector of M_{d,k} with d=" + d + " must have length d*d="
                    + d * d + ", got " + (x == null ? "null" : x.length));
        }
        Checks.requireFinite("ambient vector", x);
        DMatrixRMaj a = new DMatrixRMaj(d, d, true, x);
        RandomMatrices.symmetrize(a);
        return a;
    }

    @Override
    public String toString() {
        return "M_{" + d + "," + k + "}";
    }
}
