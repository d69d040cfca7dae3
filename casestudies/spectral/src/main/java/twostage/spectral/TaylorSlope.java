package twostage.spectral;

import java.util.function.DoubleUnaryOperator;

/**
 * Taylor-remainder slope test of a derivative formula: for step sizes h = 10^-1 .. 10^-4 the remainder of a correct
 * first-order expansion shrinks like h^2 (second-order: h^3). The fitted least-squares slope of log r against log h
 * is returned; remainders at round-off level (below {@code floor}) are dropped before fitting.
 */
public final class TaylorSlope {

    /** The step sizes used: 10^-1, 10^-1.5, ..., 10^-4 (7 points). */
    public static final double[] STEPS = {1e-1, 3.1623e-2, 1e-2, 3.1623e-3, 1e-3, 3.1623e-4, 1e-4};

    private TaylorSlope() {
    }

    /** Fitted slope of log remainder(h) on log h over {@link #STEPS}, ignoring remainders below floor. */
    public static double slope(DoubleUnaryOperator remainder, double floor) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (double h : STEPS) {
            double r = Math.abs(remainder.applyAsDouble(h));
            if (!(r > floor)) {
                continue;
            }
            double x = Math.log(h);
            double y = Math.log(r);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        if (n < 3) {
            return Double.NaN;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
