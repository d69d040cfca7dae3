package twostage.mest;

import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Vectors;
import twostage.linalg.Checks;
import twostage.random.Rng;

/**
 * Well-specified Poisson regression with log link, a Euclidean M-estimation problem for Assumption D.2,
 * Proposition D.3 and Theorem D.4. Covariates x = (1, g) with g ~ N(0, s^2 I_r); y | x ~ Poisson(exp(x^T theta*)).
 * Loss l(theta; x, y) = exp(x^T theta) - y x^T theta (negative log-likelihood up to log y!); score
 * (exp(x^T theta) - y) x. A draw z is (g_1..g_r, y).
 *
 * <p>Closed forms (Gaussian moment generating function, with theta = (t0, b) and c* = t0* + s^2 |b*|^2 / 2):
 * L(theta) = exp(t0 + s^2 |b|^2 / 2) - e^{c*} (t0 + s^2 b*^T b) (up to the constant E log y!);
 * H* = Sigma* = e^{c*} [[1, s^2 b*^T], [s^2 b*, s^2 I + s^4 b* b*^T]] (the information equality holds, so the
 * sandwich equals H*^-1).
 *
 * <p>The estimator is Newton's method with step halving on the empirical loss (strictly convex), started at
 * (log ybar, 0).
 */
public final class PoissonRegression extends InterceptRegression {

    private final double[] theta;
    private final double s;

    private PoissonRegression(double[] theta, double s) {
        super("Poisson regression", theta);
        this.theta = coef;
        this.s = s;
    }

    /**
     * @param theta (intercept, slopes), length >= 2
     * @param s     standard deviation of each covariate, > 0
     */
    public static PoissonRegression of(double[] theta, double s) {
        Checks.requirePositive("covariate standard deviation s", s);
        return new PoissonRegression(theta, s);
    }

    @Override
    public String describe() {
        return "Poisson regression, log link, theta*=" + java.util.Arrays.toString(theta) + ", covariates N(0," + s
                + "^2 I)";
    }

    @Override
    public double[] sample(Rng rng) {
        double[] z = new double[p];
        double eta = theta[0];
        for (int j = 1; j < p; j++) {
            z[j - 1] = s * rng.gaussian();
            eta += theta[j] * z[j - 1];
        }
        z[p - 1] = poisson(Math.exp(eta), rng);
        return z;
    }

    /**
     * A Poisson(lambda) draw by sequential inversion of the CDF (exact; cost ~ 1 + lambda uniform comparisons, so it
     * is used for small means and delegates to Commons RNG above 30).
     */
    static int poisson(double lambda, Rng rng) {
        if (lambda > 30) {
            return PoissonSampler.of(rng.uniform(), lambda).sample();
        }
        double u = rng.nextDouble();
        double prob = Math.exp(-lambda);
        double cdf = prob;
        int y = 0;
        while (u > cdf && y < 1000) {
            y++;
            prob *= lambda / y;
            cdf += prob;
        }
        return y;
    }

    @Override
    public double loss(double[] t, double[] z) {
        double eta = Vectors.dot(t, covariates(z));
        return Math.exp(eta) - z[p - 1] * eta;
    }

    @Override
    public double[] score(double[] t, double[] z) {
        double[] x = covariates(z);
        return Vectors.scale(Math.exp(Vectors.dot(t, x)) - z[p - 1], x);
    }

    private double cStar() {
        double b2 = 0;
        for (int j = 1; j < p; j++) {
            b2 += theta[j] * theta[j];
        }
        return theta[0] + s * s * b2 / 2;
    }

    /** Exact, up to the additive constant E log(y!). */
    @Override
    public double populationLoss(double[] t) {
        double b2 = 0;
        double cross = 0;
        for (int j = 1; j < p; j++) {
            b2 += t[j] * t[j];
            cross += theta[j] * t[j];
        }
        return Math.exp(t[0] + s * s * b2 / 2) - Math.exp(cStar()) * (t[0] + s * s * cross);
    }

    @Override
    public DMatrixRMaj hessian() {
        double e = Math.exp(cStar());
        double s2 = s * s;
        DMatrixRMaj h = new DMatrixRMaj(p, p);
        h.set(0, 0, e);
        for (int i = 1; i < p; i++) {
            h.set(0, i, e * s2 * theta[i]);
            h.set(i, 0, e * s2 * theta[i]);
            for (int j = 1; j < p; j++) {
                h.set(i, j, e * ((i == j ? s2 : 0) + s2 * s2 * theta[i] * theta[j]));
            }
        }
        return h;
    }

    /** Equal to H* (well-specified likelihood: Var(y | x) = E[y | x]). */
    @Override
    public DMatrixRMaj scoreCovariance() {
        return hessian();
    }

    /**
     * The Hessian with the exp(x^T theta*) weight dropped, E[x x^T] = diag(1, s^2 I): a planted error for negative
     * controls (it is the least-squares Hessian, not the Poisson one).
     */
    public DMatrixRMaj unweightedHessian() {
        DMatrixRMaj h = CommonOps_DDRM.identity(p);
        for (int i = 1; i < p; i++) {
            h.set(i, i, s * s);
        }
        return h;
    }

    /**
     * The maximum-likelihood estimate from m fresh draws, by Newton's method with step halving.
     *
     * @throws IllegalStateException if Newton does not converge in 100 iterations (e.g. all y = 0, where the MLE
     *                               does not exist)
     */
    @Override
    public double[] estimate(int m, Rng rng) {
        if (m < p) {
            throw new IllegalArgumentException("need m >= p=" + p + " draws, got " + m);
        }
        double[][] x = new double[m][];
        double[] y = new double[m];
        double ybar = 0;
        for (int i = 0; i < m; i++) {
            double[] z = sample(rng);
            x[i] = covariates(z);
            y[i] = z[p - 1];
            ybar += y[i] / m;
        }
        double[] t = new double[p];
        t[0] = Math.log(Math.max(ybar, 0.5 / m));
        double f = empiricalLoss(t, x, y);
        for (int it = 0; it < 100; it++) {
            double[] ga = new double[p];
            double[] ha = new double[p * p];
            for (int i = 0; i < m; i++) {
                double[] xi = x[i];
                double mu = Math.exp(Vectors.dot(t, xi));
                double r = (mu - y[i]) / m;
                double w = mu / m;
                for (int a = 0; a < p; a++) {
                    ga[a] += r * xi[a];
                    double wa = w * xi[a];
                    for (int b = a; b < p; b++) {
                        ha[a * p + b] += wa * xi[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    ha[a * p + b] = ha[b * p + a];
                }
            }
            DMatrixRMaj g = new DMatrixRMaj(p, 1, true, ga);
            DMatrixRMaj h = new DMatrixRMaj(p, p, true, ha);
            DMatrixRMaj step = new DMatrixRMaj(p, 1);
            if (!CommonOps_DDRM.solve(h, g, step)) {
                throw new IllegalStateException("Newton step: singular empirical Hessian");
            }
            double decrement = 0;
            for (int a = 0; a < p; a++) {
                decrement += g.get(a) * step.get(a);
            }
            if (decrement < 1e-14) {
                // quadratic convergence: one full step from here reaches the rounding floor
                for (int a = 0; a < p; a++) {
                    t[a] -= step.get(a);
                }
                return t;
            }
            double alpha = 1;
            double[] next = null;
            double fn = Double.NaN;
            while (alpha > 1e-10) {
                next = t.clone();
                for (int a = 0; a < p; a++) {
                    next[a] -= alpha * step.get(a);
                }
                fn = empiricalLoss(next, x, y);
                if (fn < f && fn <= f - 0.25 * alpha * decrement) {
                    break;
                }
                alpha /= 2;
            }
            if (!(alpha > 1e-10)) {
                // no measurable decrease: the loss is at its rounding floor; in the quadratic regime the full Newton
                // step is accurate, so take it
                if (decrement < 1e-10) {
                    for (int a = 0; a < p; a++) {
                        t[a] -= step.get(a);
                    }
                    return t;
                }
                throw new IllegalStateException("Newton line search failed for the Poisson MLE (decrement " + decrement
                        + ", m=" + m + ")");
            }
            t = next;
            f = fn;
        }
        throw new IllegalStateException("Newton's method did not converge for the Poisson MLE (m=" + m + ")");
    }

    private static double empiricalLoss(double[] t, double[][] x, double[] y) {
        double f = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = Vectors.dot(t, x[i]);
            f += (Math.exp(eta) - y[i] * eta) / y.length;
        }
        return f;
    }
}
