package twostage.geometry;

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

    /** Steps h_0 * 10^{-i/2}, i = 0..count-1 (half-decades). */
    public static double[] halfDecades(double h0, int count) {
        double[] h = new double[count];
        for (int i = 0; i < count; i++) {
            h[i] = h0 * Math.pow(10, -0.5 * i);
        }
        return h;
    }
}
