package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.geometry.FixedRankPsdGeometry;
import twostage.geometry.FixedRankPsdPoint;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * The limit objects of the spectral model in the coordinates of the orthonormal tangent basis of M_{d,k} at M*
 * (the basis of {@link FixedRankPsdGeometry#tangentBasis}):
 * <ul>
 *   <li>{@link #scoreCovariance()}: Sigma*_ab = Cov(S_{e_a}, S_{e_b}) from (H.15) (Proposition H.11);</li>
 *   <li>{@link #riemannianHessian()}: the Riemannian Hessian of the population loss (CF7: P_T(2 Sigma xi Sigma) plus the
 *       curvature term with N = P_perp grad L(M*) P_perp, grad L(M*) = -2 Sigma^1/2 (C - C_k) Sigma^1/2);</li>
 *   <li>{@link #paperHessian()}: the operator the proof of Corollary H.14 uses, xi -&gt; 2 Sigma xi Sigma, in the same basis
 *       (projected onto the tangent space);</li>
 *   <li>{@link #v()}: V = H^-1 Sigma* H^-1 with the Riemannian Hessian; {@link #paperV()}: the printed (H.27);</li>
 *   <li>{@link #downstreamGram()}: Gamma_ab = &lt;L(e_a), L(e_b)&gt; with L(v)(x) = -x^T DP(M*)[v] m* ((H.31)-(H.33)).</li>
 * </ul>
 * The law of ||L(Z)||^2 for Z ~ N(0, V) is sum_l omega_l chi2_1 with omega = eig(V^1/2 Gamma V^1/2) (CF3).
 */
public final class SpectralLimit {

    private final SpectralModel model;
    private final FixedRankPsdGeometry geometry;
    private final FixedRankPsdPoint point;
    private final DMatrixRMaj basis;

    private SpectralLimit(SpectralModel model) {
        this.model = model;
        this.geometry = FixedRankPsdGeometry.of(model.d(), model.k());
        this.point = geometry.point(model.mStar().getData());
        this.basis = geometry.tangentBasis(point);
    }

    public static SpectralLimit of(SpectralModel model) {
        return new SpectralLimit(model);
    }

    public DMatrixRMaj tangentBasis() {
        return basis.copy();
    }

    public int dimension() {
        return basis.numCols;
    }

    public DMatrixRMaj scoreCovariance() {
        ScoreCovariance sc = ScoreCovariance.of(model);
        return ScoreCovariance.gram(basis, model.d(), sc::covariance);
    }

    public DMatrixRMaj riemannianHessian() {
        DMatrixRMaj sig = model.sigmaPre();
        int d = model.d();
        return geometry.riemannianHessianMatrix(point, model.populationGradient(model.mStar()).getData(),
                xi -> model.populationHessian(new DMatrixRMaj(d, d, true, xi)).getData());
    }

    public DMatrixRMaj paperHessian() {
        return ScoreCovariance.gram(basis, model.d(), (a, b) -> Mat.inner(a, model.populationHessian(b)));
    }

    /** V = H^-1 Sigma* H^-1 for a given Hessian matrix H (dim x dim). */
    public DMatrixRMaj v(DMatrixRMaj hessian) {
        DMatrixRMaj hi = new DMatrixRMaj(hessian.numRows, hessian.numCols);
        if (!CommonOps_DDRM.invert(hessian.copy(), hi)) {
            throw new IllegalStateException("Hessian singular");
        }
        DMatrixRMaj out = Mat.mult(hi, scoreCovariance(), hi);
        SpectralModel.symmetrise(out);
        return out;
    }

    /** V with the Riemannian Hessian. */
    public DMatrixRMaj v() {
        return v(riemannianHessian());
    }

    /** The printed (H.27) in the tangent basis: [&lt;e_a, V e_b&gt;]. */
    public DMatrixRMaj paperV() {
        ScoreCovariance sc = ScoreCovariance.of(model);
        return ScoreCovariance.gram(basis, model.d(), sc::paperV);
    }

    /** DP(M*)[v] of (H.32): Sigma_d^-1/2 DPi(B*)[Sigma_d^1/2 v Sigma_d^1/2] Sigma_d^-1/2, B* = Sigma_d^1/2 M* Sigma_d^1/2. */
    public DMatrixRMaj projectorDerivative(DMatrixRMaj v) {
        SymmetricEigen sd = SymmetricEigen.of(model.sigmaDown());
        DMatrixRMaj half = sd.apply(Math::sqrt);
        DMatrixRMaj invHalf = sd.apply(x -> 1 / Math.sqrt(x));
        DMatrixRMaj bStar = Mat.mult(half, model.mStar(), half);
        SpectralModel.symmetrise(bStar);
        DMatrixRMaj dpi = ProjectorDerivative.derivative(bStar, model.k(), Mat.mult(half, v, half));
        return Mat.mult(invHalf, dpi, invHalf);
    }

    /** Gamma_ab = (DP[e_a] m*)^T Sigma_down (DP[e_b] m*). */
    public DMatrixRMaj downstreamGram() {
        int d = model.d();
        int dim = dimension();
        DMatrixRMaj mt = model.mTarget();
        DMatrixRMaj l = new DMatrixRMaj(d, dim);
        for (int c = 0; c < dim; c++) {
            DMatrixRMaj e = new DMatrixRMaj(d, d);
            for (int r = 0; r < d * d; r++) {
                e.data[r] = basis.get(r, c);
            }
            DMatrixRMaj col = Mat.mult(projectorDerivative(e), mt);
            for (int r = 0; r < d; r++) {
                l.set(r, c, col.get(r));
            }
        }
        DMatrixRMaj g = Mat.multTransA(l, Mat.mult(model.sigmaDown(), l));
        SpectralModel.symmetrise(g);
        return g;
    }

    /** Weights omega = nonzero eigenvalues of V^1/2 Gamma V^1/2 (CF3), decreasing; entries below 1e-12 max dropped. */
    public static double[] weights(DMatrixRMaj v, DMatrixRMaj gamma) {
        DMatrixRMaj root = SymmetricEigen.of(v).apply(x -> Math.sqrt(Math.max(x, 0)));
        DMatrixRMaj w = Mat.mult(root, gamma, root);
        SpectralModel.symmetrise(w);
        double[] ev = SymmetricEigen.of(w).values();
        double max = Math.max(ev[0], 0);
        return java.util.Arrays.stream(ev).filter(x -> x > 1e-12 * max).toArray();
    }

    /** Weights of the interaction limit ||L(Z)||^2 with the Riemannian V (engine-equivalent, first principles). */
    public double[] interactionWeights() {
        return weights(v(), downstreamGram());
    }

    /** Weights of the Q limit m(L(M-hat) - L(M*)) -&gt; (1/2) Z^T H Z, Z ~ N(0, V), Riemannian H. */
    public double[] suboptimalityWeights() {
        DMatrixRMaj h = riemannianHessian();
        return weights(v(h), Mat.scale(0.5, h));
    }

    public static double sum(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        return s;
    }

    /** The tangent part of a symmetric matrix in basis coordinates: B^T vec(X). */
    public double[] coordinates(DMatrixRMaj x) {
        double[] c = new double[dimension()];
        for (int a = 0; a < c.length; a++) {
            double s = 0;
            for (int r = 0; r < x.getNumElements(); r++) {
                s += basis.get(r, a) * x.data[r];
            }
            c[a] = s;
        }
        return c;
    }
}
