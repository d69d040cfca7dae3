package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * The maximum-likelihood estimate of the centres of the equal-weight, identity-covariance mixture by EM.
 * Each run iterates E-step (full responsibilities, log-sum-exp) and M-step (responsibility-weighted means) until the
 * largest centre move is below {@code tolerance} or {@code maxIterations} is reached. Starts: {@code restarts}
 * k-means++ seedings from the data, plus optionally the truth; the run with the smallest mean negative
 * log-likelihood is kept.
 *
 * <p>"Started at the truth" (restarts = 0, start = U*) is the shortcut of the claims catalogue (GMM generator): it
 * finds the local MLE next to U*, which is the estimator of Lemma J.5; the check of Lemma J.5 verifies on sampled
 * data that k-means++ restarts reach the same optimum.
 */
public final class EmEstimator {

    /** The result of one fit. */
    public record Fit(double[] centres, double meanLoss, int iterations, boolean converged) { }

    private final int k;
    private final int d;
    private final double tolerance;
    private final int maxIterations;
    private final int restarts;

    private EmEstimator(int k, int d, double tolerance, int maxIterations, int restarts) {
        this.k = k;
        this.d = d;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.restarts = restarts;
    }

    /**
     * @throws IllegalArgumentException if tolerance <= 0, maxIterations < 1 or restarts < 0
     */
    public static EmEstimator of(int k, int d, double tolerance, int maxIterations, int restarts) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("EM tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("EM iteration cap must be >= 1, got " + maxIterations);
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("number of restarts must be >= 0, got " + restarts);
        }
        return new EmEstimator(k, d, tolerance, maxIterations, restarts);
    }

    /** The best of the k-means++ restarts and (if non-null) a run started at {@code start}. */
    public Fit fit(DMatrixRMaj x, double[] start, Rng rng) {
        Fit best = null;
        if (start != null) {
            best = run(x, start.clone());
        }
        for (int s = 0; s < restarts; s++) {
            Fit f = run(x, kMeansPlusPlus(x, rng));
            if (best == null || f.meanLoss() < best.meanLoss()) {
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("EM needs a start or at least one restart");
        }
        return best;
    }

    /** One EM run from {@code u} (modified in place). */
    public Fit run(DMatrixRMaj x, double[] u) {
        int n = x.numRows;
        double[] pi = new double[k];
        double[] sums = new double[k * d];
        double[] weights = new double[k];
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(weights, 0);
            for (int j = 0; j < n; j++) {
                MixtureModel.responsibilities(k, d, u, x.data, j * d, pi);
                for (int i = 0; i < k; i++) {
                    double p = pi[i];
                    if (p < 1e-300) {
                        continue;
                    }
                    weights[i] += p;
                    int o = j * d;
                    for (int a = 0; a < d; a++) {
                        sums[i * d + a] += p * x.data[o + a];
                    }
                }
            }
            double move = 0;
            for (int i = 0; i < k; i++) {
                if (weights[i] <= 0) {
                    continue; // an empty component keeps its centre
                }
                for (int a = 0; a < d; a++) {
                    double v = sums[i * d + a] / weights[i];
                    move = Math.max(move, Math.abs(v - u[i * d + a]));
                    u[i * d + a] = v;
                }
            }
            if (move < tolerance) {
                converged = true;
                break;
            }
        }
        return new Fit(u, meanLoss(x, u), it, converged);
    }

    private double meanLoss(DMatrixRMaj x, double[] u) {
        double[] pi = new double[k];
        double s = 0;
        for (int j = 0; j < x.numRows; j++) {
            s -= MixtureModel.responsibilities(k, d, u, x.data, j * d, pi);
        }
        return s / x.numRows + Math.log(k) + 0.5 * d * Math.log(2 * Math.PI);
    }

    /** k-means++ seeding: the first centre uniformly from the data, each next one with probability ~ D^2. */
    public double[] kMeansPlusPlus(DMatrixRMaj x, Rng rng) {
        int n = x.numRows;
        double[] u = new double[k * d];
        int first = rng.nextInt(0, n - 1);
        System.arraycopy(x.data, first * d, u, 0, d);
        double[] dist = new double[n];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double t = x.data[j * d + a] - u[(c - 1) * d + a];
                    s += t * t;
                }
                dist[j] = Math.min(dist[j], s);
                total += dist[j];
            }
            double target = rng.nextDouble() * total;
            int pick = n - 1;
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += dist[j];
                if (acc >= target) {
                    pick = j;
                    break;
                }
            }
            System.arraycopy(x.data, pick * d, u, c * d, d);
        }
        return u;
    }
}
