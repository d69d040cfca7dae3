package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * The equal-weight spherical Gaussian mixture of Section 6.3 (p. 11): X ~ (1/K) sum_i N(u*_i, I_d), with the
 * per-sample negative log-likelihood l(U; x) = -log((1/K) sum_i phi_d(x - u_i)) and its score and Hessian
 * (Lemma J.4, p. 105). Centres are stored flat, centre i at entries [i d, (i+1) d).
 *
 * <p>All likelihood quantities use the log-sum-exp form (the largest exponent is subtracted) so they are finite for
 * every finite input.
 */
public final class MixtureModel {

    private final int k;
    private final int d;
    private final double[] centres;

    private MixtureModel(int k, int d, double[] centres) {
        this.k = k;
        this.d = d;
        this.centres = centres;
    }

    /**
     * A mixture with the given centres (K x d, flat row-major).
     *
     * @throws IllegalArgumentException if K < 2, d < 1, the length is not K d, an entry is not finite, or two centres
     *                                  coincide (Assumption 6.5(i))
     */
    public static MixtureModel of(int k, int d, double[] centres) {
        if (k < 2) {
            throw new IllegalArgumentException("need K >= 2 mixture components, got K=" + k);
        }
        if (d < 1) {
            throw new IllegalArgumentException("need dimension d >= 1, got d=" + d);
        }
        if (centres == null || centres.length != k * d) {
            throw new IllegalArgumentException("centres must have length K*d=" + (k * d));
        }
        for (double c : centres) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("centres must be finite (NaN or infinite entry found)");
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double t = centres[i * d + a] - centres[j * d + a];
                    s += t * t;
                }
                if (s == 0) {
                    throw new twostage.check.AssumptionViolation("Assumption 6.5(i)", "centres must be distinct: u_" + (i + 1)
                            + " = u_" + (j + 1));
                }
            }
        }
        return new MixtureModel(k, d, centres.clone());
    }

    /**
     * Appendix K's instance U* = beta I_{K,d}: centre i is beta e_i.
     *
     * @throws IllegalArgumentException if beta <= 0 or not finite, K < 2, or d < K
     */
    public static MixtureModel paperInstance(int k, int d, double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("separation beta must be > 0 and finite, got " + beta);
        }
        if (k < 2) {
            throw new IllegalArgumentException("need K >= 2 mixture components, got K=" + k);
        }
        if (d < k) {
            throw new IllegalArgumentException("U* = beta I_{K,d} needs d >= K, got d=" + d + ", K=" + k);
        }
        double[] u = new double[k * d];
        for (int i = 0; i < k; i++) {
            u[i * d + i] = beta;
        }
        return of(k, d, u);
    }

    public int components() { return k; }
    public int dimension() { return d; }
    /** K d, the dimension of the parameter U. */
    public int parameterDimension() { return k * d; }
    /** A copy of U* (flat). */
    public double[] centres() { return centres.clone(); }

    /** One draw x ~ (1/K) sum_i N(u*_i, I_d). */
    public double[] sample(Rng rng) {
        double[] x = new double[d];
        sampleInto(rng, x, 0);
        return x;
    }

    /** Writes one draw into {@code out[off .. off+d)}. */
    public void sampleInto(Rng rng, double[] out, int off) {
        int c = rng.nextInt(0, k - 1);
        for (int a = 0; a < d; a++) {
            out[off + a] = centres[c * d + a] + rng.gaussian();
        }
    }

    /** n draws as an n x d matrix. */
    public DMatrixRMaj sample(int n, Rng rng) {
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            sampleInto(rng, x.data, i * d);
        }
        return x;
    }

    /**
     * Full-model responsibilities pi_i(x; U) = phi_d(x - u_i) / sum_j phi_d(x - u_j), written into {@code pi};
     * returns log sum_j exp(-||x - u_j||^2 / 2) (the normaliser before the constants).
     */
    static double responsibilities(int k, int d, double[] u, double[] x, int xOff, double[] pi) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                double t = x[xOff + a] - u[i * d + a];
                s += t * t;
            }
            pi[i] = -0.5 * s;
            max = Math.max(max, pi[i]);
        }
        double z = 0;
        for (int i = 0; i < k; i++) {
            pi[i] = Math.exp(pi[i] - max);
            z += pi[i];
        }
        for (int i = 0; i < k; i++) {
            pi[i] /= z;
        }
        return max + Math.log(z);
    }

    /** l(U; x) = -log((1/K) sum_i phi_d(x - u_i)). */
    public double loss(double[] u, double[] x) {
        double[] pi = new double[k];
        double lse = responsibilities(k, d, u, x, 0, pi);
        return -lse + Math.log(k) + 0.5 * d * Math.log(2 * Math.PI);
    }

    /** Lemma J.4's score: grad_{u_i} l = -pi_i (x - u_i). */
    public double[] gradient(double[] u, double[] x) {
        double[] pi = new double[k];
        responsibilities(k, d, u, x, 0, pi);
        double[] g = new double[k * d];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < d; a++) {
                g[i * d + a] = -pi[i] * (x[a] - u[i * d + a]);
            }
        }
        return g;
    }

    /**
     * Lemma J.4's Hessian: block (i, i) = pi_i I - pi_i (1 - pi_i)(x - u_i)(x - u_i)^T, block (i, j) =
     * pi_i pi_j (x - u_i)(x - u_j)^T. With {@code dropVarianceTerm} the pi_i(1 - pi_i) term is left out (a planted
     * error for negative controls).
     */
    public DMatrixRMaj hessian(double[] u, double[] x, boolean dropVarianceTerm) {
        double[] pi = new double[k];
        responsibilities(k, d, u, x, 0, pi);
        int q = k * d;
        DMatrixRMaj h = new DMatrixRMaj(q, q);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double c = i == j ? (dropVarianceTerm ? 0 : -pi[i] * (1 - pi[i])) : pi[i] * pi[j];
                for (int a = 0; a < d; a++) {
                    double ra = x[a] - u[i * d + a];
                    for (int b = 0; b < d; b++) {
                        double v = c * ra * (x[b] - u[j * d + b]);
                        if (i == j && a == b) {
                            v += pi[i];
                        }
                        h.set(i * d + a, j * d + b, v);
                    }
                }
            }
        }
        return h;
    }

    public DMatrixRMaj hessian(double[] u, double[] x) {
        return hessian(u, x, false);
    }

    /** The mean of l(U; x_j) over the rows of a sample. */
    public double meanLoss(double[] u, DMatrixRMaj sample) {
        double[] pi = new double[k];
        double s = 0;
        for (int j = 0; j < sample.numRows; j++) {
            s -= responsibilities(k, d, u, sample.data, j * d, pi);
        }
        return s / sample.numRows + Math.log(k) + 0.5 * d * Math.log(2 * Math.PI);
    }
}
