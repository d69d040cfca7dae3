package twostage.factor;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A candidate limit law of E_{m,n} on the real line: its mean, CDF and quantiles. Built either as
 * shift + scale * chi^2_dof ({@link #scaledChiSquare}), the form Corollary 6.4 prints, or from any CDF with a known
 * mean ({@link #of}), e.g. the general engine's weighted chi-square.
 */
public final class LimitDistribution {

    private final String label;
    private final double mean;
    private final DoubleUnaryOperator cdf;
    private final double spread;

    private LimitDistribution(String label, double mean, DoubleUnaryOperator cdf, double spread) {
        this.label = label;
        this.mean = mean;
        this.cdf = cdf;
        this.spread = spread;
    }

    /** shift + scale * chi^2_dof. */
    public static LimitDistribution scaledChiSquare(String label, double shift, double scale, int dof) {
        if (!(scale > 0) || dof < 1) {
            throw new IllegalArgumentException("scaled chi-square needs scale > 0 and dof >= 1, got " + scale + ", " + dof);
        }
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(dof);
        return new LimitDistribution(label, shift + scale * dof, x -> chi.cumulativeProbability((x - shift) / scale),
                scale * Math.sqrt(2.0 * dof));
    }

    /** Any law by its mean, CDF and a scale for quantile brackets (e.g. its standard deviation). */
    public static LimitDistribution of(String label, double mean, DoubleUnaryOperator cdf, double spread) {
        return new LimitDistribution(label, mean, cdf, spread);
    }

    public String label() { return label; }
    public double mean() { return mean; }
    public double cdf(double x) { return cdf.applyAsDouble(x); }
    public DoubleUnaryOperator cdf() { return cdf; }

    /** The p-quantile by bisection on the CDF. */
    public double quantile(double p) {
        double lo = mean - 50 * spread - 1;
        double hi = mean + 50 * spread + 1;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
