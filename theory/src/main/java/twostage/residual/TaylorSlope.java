package twostage.residual;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A Taylor-remainder slope test: the remainder r(h) of a k-th order expansion of a C^{k+1} map behaves like
 * C h^{k+1}, so the least-squares slope of log r(h) against log h estimates k + 1. A first-order expansion with the
 * correct derivative has slope about 2; a wrong derivative leaves an O(h) remainder and slope about 1.
 *
 * @param steps      the step sizes h (positive)
 * @param remainders the remainders r(h), in the same order
 * @param slope      the fitted log-log slope
 */
public record TaylorSlope(double[] steps, double[] remainders, double slope) {

    /** The default steps 1e-1 .. 1e-4 (seven points, geometric). */
    public static double[] defaultSteps() {
        return new double[] {1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4};
    }

    /**
     * Fits the slope. Remainders below {@code floor} (round-off level) are dropped; at least two points must remain,
     * otherwise the slope is +infinity (the remainder is at round-off everywhere, i.e. the expansion is exact).
     *
     * @throws IllegalArgumentException if the arrays differ in length, a step is not positive or a remainder is NaN
     */
    public static TaylorSlope fit(double[] h, double[] r, double floor) {
        if (h.length != r.length || h.length < 2) {
            throw new IllegalArgumentException("need at least two (step, remainder) pairs of equal length");
        }
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        for (int i = 0; i < h.length; i++) {
            if (!(h[i] > 0)) {
                throw new IllegalArgumentException("steps must be positive, got " + h[i]);
            }
            if (Double.isNaN(r[i]) || r[i] < 0) {
                throw new IllegalArgumentException("remainder must be a non-negative number, got " + r[i]);
            }
            if (r[i] > floor) {
                kept.add(new double[] {h[i], r[i]});
            }
        }
        // all at round-off: the expansion is exact to working precision
        double slope = kept.size() < 2 ? Double.POSITIVE_INFINITY : twostage.stats.LogLogSlope.fit(
                kept.stream().mapToDouble(x -> x[0]).toArray(), kept.stream().mapToDouble(x -> x[1]).toArray());
        return new TaylorSlope(h.clone(), r.clone(), slope);
    }

    /** Evaluates {@code remainder} at the default steps and fits, with round-off floor 1e-13. */
    public static TaylorSlope of(DoubleUnaryOperator remainder) {
        return of(defaultSteps(), remainder, 1e-13);
    }

    public static TaylorSlope of(double[] h, DoubleUnaryOperator remainder, double floor) {
        double[] r = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            r[i] = remainder.applyAsDouble(h[i]);
        }
        return fit(h, r, floor);
    }

    /** A CSV table "h,remainder". */
    public String csv() {
        StringBuilder b = new StringBuilder("h,remainder\n");
        for (int i = 0; i < steps.length; i++) {
            b.append(steps[i]).append(',').append(remainders[i]).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "slope " + String.format(java.util.Locale.ROOT, "%.3f", slope) + " over h=" + Arrays.toString(steps)
                + ", r=" + Arrays.toString(remainders);
    }
}
