package twostage.engine;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import twostage.linalg.Checks;
import twostage.random.Rng;

/**
 * Minimal stand-in for the law of Q = sum_l w_l chi2_1 (independent), used by {@link LimitLaw} until
 * {@code twostage.chisq.WeightedChiSquare} is available. Mean, variance and sampling are exact for any weights; the
 * CDF is exact when all positive weights are equal (Q = w chi2_r), and otherwise unsupported here.
 */
final class ChiSquareMixture {

    private final double[] weights;
    private final double common;
    private final int rank;

    private ChiSquareMixture(double[] weights) {
        this.weights = weights;
        double max = 0;
        int r = 0;
        for (double w : weights) {
            max = Math.max(max, w);
            if (w > 0) {
                r++;
            }
        }
        boolean equal = true;
        for (double w : weights) {
            if (w > 0 && Math.abs(w - max) > 1e-9 * max) {
                equal = false;
            }
        }
        this.common = equal ? max : Double.NaN;
        this.rank = r;
    }

    static ChiSquareMixture of(double[] weights) {
        Checks.requireFinite("chi-square weights", weights);
        for (double w : weights) {
            Checks.requireNonNegative("chi-square weight", w);
        }
        return new ChiSquareMixture(weights.clone());
    }

    double mean() {
        return Arrays.stream(weights).sum();
    }

    double variance() {
        return 2 * Arrays.stream(weights).map(w -> w * w).sum();
    }

    double cdf(double x) {
        if (rank == 0) {
            return x >= 0 ? 1.0 : 0.0;
        }
        if (Double.isNaN(common)) {
            throw new UnsupportedOperationException("CDF of a chi-square mixture with unequal weights "
                    + Arrays.toString(weights) + " needs twostage.chisq.WeightedChiSquare");
        }
        return x <= 0 ? 0.0 : ChiSquaredDistribution.of(rank).cumulativeProbability(x / common);
    }

    double sample(Rng rng) {
        double q = 0;
        for (double w : weights) {
            double g = rng.gaussian();
            q += w * g * g;
        }
        return q;
    }
}
