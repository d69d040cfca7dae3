package twostage.factor;

import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import twostage.linalg.Checks;
import twostage.random.Rng;

/**
 * Sample second-moment matrices S_m = (1/m) sum_{i<=m} x_i x_i^T of m i.i.d. N(0, Sigma) vectors.
 *
 * <p>{@link #bartlett} is an EXACT SAMPLING SHORTCUT: m S_m ~ Wishart_d(Sigma, m), and by the Bartlett
 * decomposition Wishart_d(Sigma, m) = L T T^T L^T with Sigma = L L^T (Cholesky) and T lower triangular with
 * T_ii^2 ~ chi^2_{m-i+1} (i = 1..d) and T_ij ~ N(0, 1) for i > j, all independent (needs m >= d). Its cost is
 * O(d^2) per draw and does not grow with m; the law of the result is exactly that of the direct average.
 * {@link #direct} draws the m vectors and averages them (cost O(m d^2)); it exists to validate the shortcut.
 */
public final class WishartSampler {

    private final DMatrixRMaj chol;
    private final int d;

    private WishartSampler(DMatrixRMaj sigma) {
        Checks.requireSquare("covariance Sigma", sigma);
        Checks.requireFinite("covariance Sigma", sigma);
        Checks.requireSymmetric("covariance Sigma", sigma, 1e-10);
        this.d = sigma.numRows;
        CholeskyDecompositionInner_DDRM c = new CholeskyDecompositionInner_DDRM(true);
        if (!c.decompose(sigma.copy())) {
            throw new IllegalArgumentException("covariance Sigma must be positive definite (Cholesky failed)");
        }
        this.chol = c.getT(null);
    }

    /** A sampler of sample second-moment matrices of N(0, Sigma). */
    public static WishartSampler of(DMatrixRMaj sigma) {
        return new WishartSampler(sigma);
    }

    public int dimension() {
        return d;
    }

    /** S_m by the Bartlett decomposition (exact in law; cost independent of m). */
    public DMatrixRMaj bartlett(int m, Rng rng) {
        if (m < d) {
            throw new IllegalArgumentException("the Bartlett decomposition needs m >= d, got m=" + m + ", d=" + d);
        }
        DMatrixRMaj t = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            // chi^2_nu = Gamma(shape nu/2, scale 2)
            double chi2 = AhrensDieterMarsagliaTsangGammaSampler.of(rng.uniform(), 0.5 * (m - i), 2.0).sample();
            t.set(i, i, Math.sqrt(chi2));
            for (int j = 0; j < i; j++) {
                t.set(i, j, rng.gaussian());
            }
        }
        DMatrixRMaj lt = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(chol, t, lt);
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(lt, lt, s);
        CommonOps_DDRM.scale(1.0 / m, s);
        Linalg.symmetrize(s);
        return s;
    }

    /** S_m from m explicit draws x_i = L g_i (cost O(m d^2)). */
    public DMatrixRMaj direct(int m, Rng rng) {
        if (m < 1) {
            throw new IllegalArgumentException("sample size m must be >= 1, got " + m);
        }
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        double[] x = new double[d];
        for (int r = 0; r < m; r++) {
            double[] g = rng.gaussians(d);
            for (int i = 0; i < d; i++) {
                double v = 0;
                for (int j = 0; j <= i; j++) {
                    v += chol.get(i, j) * g[j];
                }
                x[i] = v;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    s.add(i, j, x[i] * x[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                s.set(j, i, s.get(i, j));
            }
        }
        CommonOps_DDRM.scale(1.0 / m, s);
        return s;
    }

    /** The m x d matrix of draws x_i = L g_i (for pipelines that need the design itself). */
    public DMatrixRMaj draws(int m, Rng rng) {
        DMatrixRMaj g = new DMatrixRMaj(m, d, true, rng.gaussians(m * d));
        DMatrixRMaj x = new DMatrixRMaj(m, d);
        CommonOps_DDRM.multTransB(g, chol, x);
        return x;
    }
}
