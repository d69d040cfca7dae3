package twostage.stats;

/**
 * A Monte Carlo estimate of a mean with its standard error.
 *
 * @param mean          the sample mean
 * @param standardError sd / sqrt(n) (unbiased sd)
 * @param n             number of draws
 */
public record MonteCarlo(double mean, double standardError, int n) {

    /** Mean and standard error of i.i.d. draws (two-pass, numerically stable). */
    public static MonteCarlo of(double[] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 draws for a standard error, got " + n);
        }
        double m = 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("Monte Carlo draws contain NaN");
            }
            m += v;
        }
        m /= n;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return new MonteCarlo(m, Math.sqrt(s / (n - 1) / n), n);
    }

    /**
     * Batch-means standard error: the draws are cut into {@code batches} consecutive batches whose means are treated as
     * i.i.d. (for correlated or heavy-tailed draws).
     */
    public static MonteCarlo batchMeans(double[] x, int batches) {
        if (batches < 2 || batches > x.length) {
            throw new IllegalArgumentException("batches must be in [2, n], got " + batches);
        }
        int size = x.length / batches;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int i = b * size; i < (b + 1) * size; i++) {
                s += x[i];
            }
            means[b] = s / size;
        }
        MonteCarlo mb = of(means);
        return new MonteCarlo(mb.mean(), mb.standardError(), batches * size);
    }

    /** z-score of the difference to a reference value. */
    public double z(double reference) {
        return (mean - reference) / standardError;
    }
}
