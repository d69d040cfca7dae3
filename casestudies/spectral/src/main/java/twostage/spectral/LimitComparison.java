package twostage.spectral;

import java.util.Arrays;
import twostage.chisq.WeightedChiSquare;
import twostage.stats.KolmogorovSmirnov;

/**
 * A weighted chi-square law sum_l w_l chi2_1 used as the reference for simulated limits: its mean, its exact CDF and
 * quantiles ({@link WeightedChiSquare}, contour inversion), one-sample KS of a simulated sample against it, and the
 * empirical quantiles of a sample.
 */
final class LimitComparison {

    private final WeightedChiSquare law;

    private LimitComparison(WeightedChiSquare law) {
        this.law = law;
    }

    static LimitComparison of(double[] weights) {
        return new LimitComparison(WeightedChiSquare.of(weights));
    }

    double mean() {
        return law.mean();
    }

    /** One-sample KS against the exact CDF. */
    KolmogorovSmirnov ks(double[] sample) {
        return KolmogorovSmirnov.oneSample(sample, law::cdf);
    }

    double quantile(double p) {
        return law.quantile(p);
    }

    static double quantile(double[] sample, double p) {
        double[] s = sample.clone();
        Arrays.sort(s);
        double pos = p * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
