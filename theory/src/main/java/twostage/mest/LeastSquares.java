package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Vectors;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Least squares with heteroskedastic noise, a Euclidean M-estimation problem whose sandwich differs from the
 * naive covariance (Theorem D.4). Covariates x = (1, g_1, .., g_r), g ~ N(0, I_r); y = x^T beta* + eps with
 * eps = sigma sqrt(a + g_1^2) e. Loss l(beta) = (y - x^T beta)^2 / 2.
 *
 * <p>Closed forms: H* = E[x x^T] = I; Sigma* = E[eps^2 x x^T] = sigma^2 diag(a+1, a+3, a+1, .., a+1) (using
 * E g^4 = 3); V = Sigma*. The naive covariance E[eps^2] H*^-1 = sigma^2 (a+1) I, valid only for homoskedastic
 * noise, misses the (a+3)/(a+1) inflation of the first slope.
 *
 * <p>Two variants violate Assumption D.2 (for the validators' negative controls): {@link Design#DUPLICATED}
 * (x = (1, g_1, g_1): H* singular and the minimiser not identified) and {@link Noise#STUDENT_T2} (e is Student t
 * with 2 degrees of freedom: infinite score second moment).
 */
public final class LeastSquares extends InterceptRegression {

    /** The covariate design. */
    public enum Design { INDEPENDENT, DUPLICATED }

    /** The law of e. */
    public enum Noise { GAUSSIAN, STUDENT_T2 }

    private final double[] beta;
    private final double sigma;
    private final double a;
    private final Design design;
    private final Noise noise;

    private LeastSquares(double[] beta, double sigma, double a, Design design, Noise noise) {
        super("least squares", beta);
        this.beta = coef;
        this.sigma = sigma;
        this.a = a;
        this.design = design;
        this.noise = noise;
    }

    /** Heteroskedastic Gaussian noise with independent covariates (satisfies Assumption D.2). */
    public static LeastSquares heteroskedastic(double[] beta, double sigma, double a) {
        return of(beta, sigma, a, Design.INDEPENDENT, Noise.GAUSSIAN);
    }

    /**
     * @param beta  (intercept, slopes), length >= 2 (exactly 3 for {@link Design#DUPLICATED})
     * @param sigma noise scale > 0
     * @param a     baseline variance factor >= 0
     */
    public static LeastSquares of(double[] beta, double sigma, double a, Design design, Noise noise) {
        if (design == Design.DUPLICATED && (beta == null || beta.length != 3)) {
            throw new IllegalArgumentException("the duplicated design x = (1, g1, g1) needs beta of length 3");
        }
        Checks.requirePositive("noise scale sigma", sigma);
        Checks.requireNonNegative("baseline variance factor a", a);
        return new LeastSquares(beta, sigma, a, design, noise);
    }

    @Override
    public String describe() {
        return "least squares, heteroskedastic noise sigma^2 (" + a + " + g1^2), " + noise + " errors, " + design
                + " design, beta*=" + java.util.Arrays.toString(beta);
    }

    /** z = (x_1..x_{p-1}, y) (the intercept is implicit). */
    @Override
    public double[] sample(Rng rng) {
        double[] z = new double[p];
        double g1 = rng.gaussian();
        z[0] = g1;
        for (int j = 1; j < p - 1; j++) {
            z[j] = design == Design.DUPLICATED ? g1 : rng.gaussian();
        }
        double e = rng.gaussian();
        if (noise == Noise.STUDENT_T2) {
            // t_2 = N / sqrt(chi2_2 / 2), chi2_2 = -2 log U
            e = e / Math.sqrt(-Math.log(1 - rng.nextDouble()));
        }
        double[] x = covariates(z);
        z[p - 1] = Vectors.dot(beta, x) + sigma * Math.sqrt(a + g1 * g1) * e;
        return z;
    }

    @Override
    public double loss(double[] b, double[] z) {
        double r = z[p - 1] - Vectors.dot(b, covariates(z));
        return 0.5 * r * r;
    }

    @Override
    public double[] score(double[] b, double[] z) {
        double[] x = covariates(z);
        return Vectors.scale(-(z[p - 1] - Vectors.dot(b, x)), x);
    }

    /** (beta - beta*)^T H (beta - beta*) / 2: exact up to the constant E[eps^2] / 2 (infinite for t_2 noise). */
    @Override
    public double populationLoss(double[] b) {
        double[] d = Vectors.sub(b, beta);
        return 0.5 * Mat.inner(Mat.col(d), Mat.mult(hessian(), Mat.col(d)));
    }

    @Override
    public DMatrixRMaj hessian() {
        DMatrixRMaj h = CommonOps_DDRM.identity(p);
        if (design == Design.DUPLICATED) {
            h.set(1, 2, 1);
            h.set(2, 1, 1);
        }
        return h;
    }

    @Override
    public DMatrixRMaj scoreCovariance() {
        if (noise == Noise.STUDENT_T2) {
            DMatrixRMaj inf = new DMatrixRMaj(p, p);
            inf.fill(Double.POSITIVE_INFINITY);
            return inf;
        }
        double s2 = sigma * sigma;
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            c.set(i, i, s2 * (a + 1));
        }
        c.set(1, 1, s2 * (a + 3));
        if (design == Design.DUPLICATED) {
            c.set(2, 2, s2 * (a + 3));
            c.set(1, 2, s2 * (a + 3));
            c.set(2, 1, s2 * (a + 3));
        }
        return c;
    }

    /** The naive covariance E[eps^2] H*^-1 (correct only for homoskedastic noise): a planted error. */
    public DMatrixRMaj naiveCovariance() {
        DMatrixRMaj hinv = hessian();
        CommonOps_DDRM.invert(hinv);
        return Mat.scale(sigma * sigma * (a + 1), hinv);
    }

    /** Ordinary least squares on m fresh draws (normal equations). */
    @Override
    public double[] estimate(int m, Rng rng) {
        if (m < p) {
            throw new IllegalArgumentException("need m >= p=" + p + " draws, got " + m);
        }
        DMatrixRMaj xtx = new DMatrixRMaj(p, p);
        DMatrixRMaj xty = new DMatrixRMaj(p, 1);
        for (int i = 0; i < m; i++) {
            double[] z = sample(rng);
            double[] x = covariates(z);
            for (int u = 0; u < p; u++) {
                xty.add(u, 0, x[u] * z[p - 1]);
                for (int v = 0; v < p; v++) {
                    xtx.add(u, v, x[u] * x[v]);
                }
            }
        }
        DMatrixRMaj b = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solve(xtx, xty, b)) {
            throw new IllegalStateException("least squares: singular normal equations");
        }
        return b.getData();
    }
}
