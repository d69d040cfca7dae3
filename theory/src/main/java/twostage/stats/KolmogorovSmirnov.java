package twostage.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * One-sample Kolmogorov-Smirnov distance between an empirical law and a continuous reference CDF, with its p-value
 * (Commons Statistics' exact/asymptotic computation), and the two-sample version.
 *
 * @param statistic sup |F_n - F|
 * @param pValue    p-value of the two-sided test
 * @param n         sample size
 */
public record KolmogorovSmirnov(double statistic, double pValue, int n) {

    public static KolmogorovSmirnov oneSample(double[] sample, DoubleUnaryOperator cdf) {
        if (sample.length < 1) {
            throw new IllegalArgumentException("KS test needs a non-empty sample");
        }
        SignificanceResult r = KolmogorovSmirnovTest.withDefaults().test(sample, cdf);
        return new KolmogorovSmirnov(r.getStatistic(), r.getPValue(), sample.length);
    }

    public static KolmogorovSmirnov twoSample(double[] x, double[] y) {
        SignificanceResult r = KolmogorovSmirnovTest.withDefaults().test(x, y);
        return new KolmogorovSmirnov(r.getStatistic(), r.getPValue(), Math.min(x.length, y.length));
    }

    /** The Monte Carlo floor of the KS distance for a correct law: about 0.87 / sqrt(n) (its median). */
    public double floor() {
        return 0.87 / Math.sqrt(n);
    }
}
