package twostage.spectral;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.SymmetricEigen;

/**
 * The closed forms of the diagonal spectral model of Appendix H.7 (pp. 86-93): Sigma_pre = diag(a, b),
 * SigmaPlusPre = diag(c, e), Sigma_down = I, lambda_i = c_i/a_i, mu_j = e_j/b_j, r_i = c_i/a_i^2, tau = sum lambda_i^2,
 * target weights beta*, with the top-k eigenvalues of C in the first k coordinates.
 * <ul>
 *   <li>{@link #printedInteractionWeights()}: (H.39), sigma_j^2 = (2/b_j) sum_i beta_i^2 (1 + tau + lambda_i^2)/lambda_i;</li>
 *   <li>{@link #corollary63Weight(int)}: Corollary 6.3 as printed, 2 sum_i i(1 + i^-2 + tau), repeated d - k times;</li>
 *   <li>{@link #derivedInteractionWeights()} (derived here, NOT in the paper): the same with Var(Z12)_ij = (1 + tau +
 *       lambda_i^2) / (2 a_i b_j) * (lambda_i / (lambda_i - mu_j))^2. The factor 1/4 relative to the printed variance
 *       comes from &lt;H, Z&gt; = 2 sum B_ij (Z12)_ij for H with off-diagonal block B (the bilinear form (H.27) counts the
 *       block twice); the factor (lambda_i/(lambda_i - mu_j))^2 from the curvature term of the Riemannian Hessian of
 *       the loss on M_{d,k}, 2 a_i b_j (1 - mu_j/lambda_i) on that block instead of 2 a_i b_j. It is validated against
 *       the general engine on small instances (Corollary 6.3 checks).</li>
 *   <li>{@link #printedQWeights()} (H.40) and {@link #printedQMean()} (H.41).</li>
 * </ul>
 */
public final class DiagonalClosedForms {

    private final int k;
    private final int d;
    private final double[] a;
    private final double[] b;
    private final double[] lambda;
    private final double[] mu;
    private final double[] beta;
    private final double tau;

    private DiagonalClosedForms(int k, double[] diagS, double[] diagSp, double[] beta) {
        this.k = k;
        this.d = diagS.length;
        this.a = Arrays.copyOf(diagS, k);
        this.b = Arrays.copyOfRange(diagS, k, d);
        this.lambda = new double[k];
        this.mu = new double[d - k];
        double t = 0;
        for (int i = 0; i < k; i++) {
            lambda[i] = diagSp[i] / diagS[i];
            t += lambda[i] * lambda[i];
        }
        for (int j = 0; j < d - k; j++) {
            mu[j] = diagSp[k + j] / diagS[k + j];
        }
        this.tau = t;
        this.beta = beta.clone();
        double minTop = Arrays.stream(lambda).min().orElse(0);
        double maxBottom = Arrays.stream(mu).max().orElse(0);
        if (!(minTop > maxBottom) || !(minTop > 0)) {
            throw new IllegalArgumentException("diagonal closed forms need c_i/a_i > e_j/b_j for all i <= k < j and c_i > 0");
        }
    }

    /** From a model whose Sigma_pre, SigmaPlusPre are diagonal and Sigma_down = I. */
    public static DiagonalClosedForms of(SpectralModel model) {
        int d = model.d();
        DMatrixRMaj s = model.sigmaPre();
        DMatrixRMaj sp = model.sigmaPlusPre();
        if (!isDiagonal(s) || !isDiagonal(sp) || !isDiagonal(model.sigmaDown())) {
            throw new IllegalArgumentException("diagonal closed forms need diagonal Sigma_pre and SigmaPlusPre");
        }
        for (int i = 0; i < d; i++) {
            if (Math.abs(model.sigmaDown().get(i, i) - 1) > 1e-12) {
                throw new IllegalArgumentException("diagonal closed forms need Sigma_down = I");
            }
        }
        double[] ds = new double[d];
        double[] dsp = new double[d];
        for (int i = 0; i < d; i++) {
            ds[i] = s.get(i, i);
            dsp[i] = sp.get(i, i);
        }
        return new DiagonalClosedForms(model.k(), ds, dsp, model.betaStar());
    }

    /** Directly from the diagonals (for large d where building the model is not needed). */
    public static DiagonalClosedForms of(int k, double[] diagS, double[] diagSp, double[] beta) {
        return new DiagonalClosedForms(k, diagS, diagSp, beta);
    }

    /** The Corollary 6.3 instance: Sigma = I, Sigma+ = diag(1/i), beta = 1. */
    public static DiagonalClosedForms corollary63(int k, int d) {
        double[] s = new double[d];
        double[] sp = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = 1;
            sp[i] = 1.0 / (i + 1);
        }
        double[] beta = new double[k];
        Arrays.fill(beta, 1);
        return new DiagonalClosedForms(k, s, sp, beta);
    }

    private static boolean isDiagonal(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                if (i != j && m.get(i, j) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    public double tau() { return tau; }

    /** (H.39) as printed. */
    public double[] printedInteractionWeights() {
        double[] w = new double[d - k];
        for (int j = 0; j < d - k; j++) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += beta[i] * beta[i] * (1 + tau + lambda[i] * lambda[i]) / lambda[i];
            }
            w[j] = 2 / b[j] * s;
        }
        return w;
    }

    /** Corollary 6.3 as printed: the common weight 2 sum_{i<=k} i (1 + i^-2 + tau_k). */
    public static double corollary63Weight(int k) {
        double t = 0;
        for (int j = 1; j <= k; j++) {
            t += 1.0 / ((double) j * j);
        }
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += i * (1 + 1.0 / ((double) i * i) + t);
        }
        return 2 * s;
    }

    /** Our derived weights (see the class comment); the law is sum_j w_j chi2_1, not a scaled chi2_{d-k}. */
    public double[] derivedInteractionWeights() {
        double[] w = new double[d - k];
        for (int j = 0; j < d - k; j++) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                double f = lambda[i] / (lambda[i] - mu[j]);
                s += beta[i] * beta[i] * (1 + tau + lambda[i] * lambda[i]) / lambda[i] * f * f;
            }
            w[j] = s / (2 * b[j]);
        }
        return w;
    }

    /** (H.40) as printed: eig(Diag(1+tau+3 lambda_i^2) + lambda lambda^T), 4(1+tau+l_i^2+l_i l_j+l_j^2) (i&lt;j), 4(1+tau+l_i^2) (k(d-k) times). */
    public double[] printedQWeights() {
        DMatrixRMaj mm = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                mm.set(i, j, lambda[i] * lambda[j] + (i == j ? 1 + tau + 3 * lambda[i] * lambda[i] : 0));
            }
        }
        double[] rho = SymmetricEigen.of(mm).values();
        double[] w = new double[k + k * (k - 1) / 2 + k * (d - k)];
        int c = 0;
        for (double r : rho) {
            w[c++] = r;
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                w[c++] = 4 * (1 + tau + lambda[i] * lambda[i] + lambda[i] * lambda[j] + lambda[j] * lambda[j]);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d - k; j++) {
                w[c++] = 4 * (1 + tau + lambda[i] * lambda[i]);
            }
        }
        return w;
    }

    /** (H.41) as printed: k(4d - 2k - 1)(1 + tau) + 2(2d - 1) tau + 2 (sum lambda_i)^2. */
    public double printedQMean() {
        double sl = Arrays.stream(lambda).sum();
        return k * (4.0 * d - 2 * k - 1) * (1 + tau) + 2 * (2.0 * d - 1) * tau + 2 * sl * sl;
    }

    /**
     * Our derived mean of the limit of m (L(M-hat) - L(M*)) = (1/2) Z^T Hess Z (NOT in the paper): tr(Diag(1+tau+3
     * lambda_i^2) + lambda lambda^T) + sum_{i&lt;j} (1+tau+l_i^2+l_i l_j+l_j^2) + sum_{i,j} (1+tau+l_i^2) l_i/(l_i - mu_j);
     * the off-diagonal terms are 1/4 of (H.41)'s (variance of a doubled off-diagonal entry) and the Z12 terms carry
     * the curvature factor lambda_i/(lambda_i - mu_j). Validated against the engine's (1/2) tr(H V).
     */
    public double derivedQMean() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += 1 + tau + 3 * lambda[i] * lambda[i] + lambda[i] * lambda[i];
            for (int j = i + 1; j < k; j++) {
                s += 1 + tau + lambda[i] * lambda[i] + lambda[i] * lambda[j] + lambda[j] * lambda[j];
            }
            for (int j = 0; j < d - k; j++) {
                s += (1 + tau + lambda[i] * lambda[i]) * lambda[i] / (lambda[i] - mu[j]);
            }
        }
        return s;
    }

    /** ||C^-1 A*^T beta*||^2 = ||R^-1/2 beta||^2 = sum beta_i^2 a_i / lambda_i (the Cabannes conditioning factor). */
    public double cabannesFactor() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += beta[i] * beta[i] * a[i] * a[i] / (lambda[i] * a[i]);
        }
        return s;
    }

    static double[] sortedDescending(double[] w) {
        double[] s = w.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }
}
