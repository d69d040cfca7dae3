package twostage.stats;

/**
 * The least-squares slope of log(error) against log(step): a Taylor remainder of order p has slope ~p across a
 * range of steps where neither higher-order terms nor rounding dominate.
 */
public final class LogLogSlope {

    private LogLogSlope() {
    }

    /**
     * @throws IllegalArgumentException if the arrays differ in length, have fewer than two points, or contain a
     *                                  non-positive step or error (the logarithm would be undefined)
     */
    public static double fit(double[] steps, double[] errors) {
        if (steps.length != errors.length || steps.length < 2) {
            throw new IllegalArgumentException("slope fit needs >= 2 paired points, got " + steps.length + " steps and "
                    + errors.length + " errors");
        }
        int n = steps.length;
        double mx = 0, my = 0;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(steps[i] > 0) || !(errors[i] > 0) || Double.isInfinite(errors[i])) {
                throw new IllegalArgumentException("slope fit needs positive finite steps and errors, got step "
                        + steps[i] + ", error " + errors[i]);
            }
            x[i] = Math.log(steps[i]);
            y[i] = Math.log(errors[i]);
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /**
     * Evaluates |remainder(h)| at the steps, drops values at or below {@code floor} (round-off level) and fits the
     * slope of the rest; NaN when fewer than {@code minPoints} remain (so a comparison on it cannot pass by accident).
     */
    public static double fitAbove(double[] steps, java.util.function.DoubleUnaryOperator remainder, double floor,
                                  int minPoints) {
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        for (double h : steps) {
            double r = Math.abs(remainder.applyAsDouble(h));
            if (r > floor && !Double.isInfinite(r)) {
                kept.add(new double[] {h, r});
            }
        }
        if (kept.size() < Math.max(2, minPoints)) {
            return Double.NaN;
        }
        return fit(kept.stream().mapToDouble(x -> x[0]).toArray(), kept.stream().mapToDouble(x -> x[1]).toArray());
    }

    /** The default steps of a Taylor-remainder test: 10^-1, 10^-1.5, ..., 10^-4 (seven half-decades). */
    public static final double[] TAYLOR_STEPS = halfDecades(1e-1, 7);

    /**
     * The Taylor-remainder slope over {@link #TAYLOR_STEPS}, remainders at or below {@code floor} dropped, NaN with
     * fewer than three points left: about k + 1 for the remainder of a correct k-th order expansion.
     */
    public static double taylor(java.util.function.DoubleUnaryOperator remainder, double floor) {
        return fitAbove(TAYLOR_STEPS, remainder, floor, 3);
    }

    /** The slope over all the given steps (NaN if any |remainder| is zero or not finite). */
    public static double fitAll(double[] steps, java.util.function.DoubleUnaryOperator remainder) {
        return fitAbove(steps, remainder, 0.0, steps.length);
    }

    /** Steps h_0 * 10^{-i/2}, i = 0..count-1 (half-decades). */
    public static double[] halfDecades(double h0, int count) {
        double[] h = new double[count];
        for (int i = 0; i < count; i++) {
            h[i] = h0 * Math.pow(10, -0.5 * i);
        }
        return h;
    }
}
