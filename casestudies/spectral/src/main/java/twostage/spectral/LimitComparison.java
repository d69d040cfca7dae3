package twostage.spectral;

import java.util.Arrays;
import twostage.random.Rng;
import twostage.stats.KolmogorovSmirnov;

/**
 * A weighted chi-square law sum_l w_l chi2_1 used as a reference for simulated limits: its mean, a reference sample
 * drawn by squaring Gaussians (for two-sample KS and quantiles), and the empirical quantiles of a sample.
 */
final class LimitComparison {

    private final double[] weights;
    private final double[] reference;

    private LimitComparison(double[] weights, double[] reference) {
        this.weights = weights;
        this.reference = reference;
    }

    /** A law with its sorted reference sample of the given size. */
    static LimitComparison of(double[] weights, int referenceDraws, Rng rng) {
        double[] ref = new double[referenceDraws];
        for (int i = 0; i < referenceDraws; i++) {
            double q = 0;
            for (double w : weights) {
                double g = rng.gaussian();
                q += w * g * g;
            }
            ref[i] = q;
        }
        Arrays.sort(ref);
        return new LimitComparison(weights.clone(), ref);
    }

    double mean() {
        return Arrays.stream(weights).sum();
    }

    double[] weights() {
        return weights.clone();
    }

    KolmogorovSmirnov ks(double[] sample) {
        return KolmogorovSmirnov.twoSample(sample, reference);
    }

    double quantile(double p) {
        return quantileOfSorted(reference, p);
    }

    static double quantile(double[] sample, double p) {
        double[] s = sample.clone();
        Arrays.sort(s);
        return quantileOfSorted(s, p);
    }

    private static double quantileOfSorted(double[] s, double p) {
        double pos = p * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
