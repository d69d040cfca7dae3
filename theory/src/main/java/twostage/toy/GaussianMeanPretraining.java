package twostage.toy;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.ExactScoreCovariance;
import twostage.engine.PretrainingModel;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Pre-training by a Gaussian mean: l(w; z) = ||w - z||^2 / 2 with z ~ N(mu, s^2 I_q0), so w* = mu, L(w) = (||w - mu||^2
 * + q0 s^2)/2, H = I, score covariance s^2 I and V = s^2 I.
 *
 * <p>Sampling shortcut: {@link #estimate} returns the sample mean zbar of m draws, drawn exactly as
 * mu + (s / sqrt m) N(0, I) (its exact law) instead of summing m draws.
 */
public final class GaussianMeanPretraining implements PretrainingModel, ExactScoreCovariance {

    private final double[] mu;
    private final double s;

    public GaussianMeanPretraining(double[] mu, double s) {
        Checks.requireFinite("pre-training mean mu", mu);
        if (mu.length < 1) {
            throw new IllegalArgumentException("parameter dimension must be >= 1");
        }
        this.mu = mu.clone();
        this.s = Checks.requirePositive("pre-training noise scale s (Assumption D.5 needs a non-degenerate score)", s);
    }

    public double noiseScale() { return s; }

    @Override public int parameterDimension() { return mu.length; }
    @Override public double[] truth() { return mu.clone(); }

    @Override
    public double[] sample(Rng rng) {
        double[] z = new double[mu.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = mu[i] + s * rng.gaussian();
        }
        return z;
    }

    @Override
    public double loss(double[] w, double[] z) {
        double r = 0;
        for (int i = 0; i < mu.length; i++) {
            r += (w[i] - z[i]) * (w[i] - z[i]);
        }
        return 0.5 * r;
    }

    @Override
    public double[] gradient(double[] w, double[] z) {
        double[] g = new double[mu.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = w[i] - z[i];
        }
        return g;
    }

    @Override
    public DMatrixRMaj hessian(double[] w, double[] z) {
        return Mat.identity(mu.length);
    }

    @Override
    public double populationLoss(double[] w) {
        return loss(w, mu) + 0.5 * mu.length * s * s;
    }

    /** The sample mean of m draws, drawn exactly from its law N(mu, s^2/m I). */
    @Override
    public double[] estimate(int m, Rng rng) {
        if (m < 1) {
            throw new IllegalArgumentException("pre-training sample size m must be >= 1, got " + m);
        }
        double sd = s / Math.sqrt(m);
        double[] w = new double[mu.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = mu[i] + sd * rng.gaussian();
        }
        return w;
    }

    @Override
    public DMatrixRMaj scoreSecondMoment() {
        return Mat.scale(s * s, Mat.identity(mu.length));
    }
}
