package twostage.chisq;

import twostage.random.Rng;

/**
 * The law of Y = shift + scale * Q with Q a {@link WeightedChiSquare} and scale &gt; 0. Theorem 5.1's limit of
 * n(R - sigma^2) is this law with shift = sigma^2 d_act and scale = 1/alpha (claims.md CF3).
 */
public final class ShiftedWeightedChiSquare {

    private final WeightedChiSquare q;
    private final double shift;
    private final double scale;

    private ShiftedWeightedChiSquare(WeightedChiSquare q, double shift, double scale) {
        this.q = q;
        this.shift = shift;
        this.scale = scale;
    }

    /** shift + scale * q; shift finite, scale finite and &gt; 0. */
    public static ShiftedWeightedChiSquare of(WeightedChiSquare q, double shift, double scale) {
        if (q == null) {
            throw new IllegalArgumentException("the weighted chi-square must not be null");
        }
        if (Double.isNaN(shift) || Double.isInfinite(shift)) {
            throw new IllegalArgumentException("shift must be finite, got " + shift);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be > 0 and finite, got " + scale);
        }
        return new ShiftedWeightedChiSquare(q, shift, scale);
    }

    public WeightedChiSquare base() {
        return q;
    }

    public double shift() {
        return shift;
    }

    public double scale() {
        return scale;
    }

    private double toBase(double y) {
        if (Double.isNaN(y)) {
            throw new IllegalArgumentException("argument must not be NaN");
        }
        return (y - shift) / scale;
    }

    public double cdf(double y) {
        return q.cdf(toBase(y));
    }

    public double survival(double y) {
        return q.survival(toBase(y));
    }

    public double density(double y) {
        return q.density(toBase(y)) / scale;
    }

    public double quantile(double p) {
        return shift + scale * q.quantile(p);
    }

    public double upperQuantile(double delta) {
        return shift + scale * q.upperQuantile(delta);
    }

    public double mean() {
        return shift + scale * q.mean();
    }

    public double variance() {
        return scale * scale * q.variance();
    }

    public double sample(Rng rng) {
        return shift + scale * q.sample(rng);
    }

    public double[] sample(int n, Rng rng) {
        double[] s = q.sample(n, rng);
        for (int i = 0; i < n; i++) {
            s[i] = shift + scale * s[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return shift + " + " + scale + " * " + q;
    }
}
