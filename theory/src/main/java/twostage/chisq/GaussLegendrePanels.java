package twostage.chisq;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Gauss-Legendre quadrature of a smooth function over a finite interval, by recursive halving: a panel
 * is accepted when its n-point rule and the sum of the n-point rules on its two halves agree within the panel's
 * share of the tolerance; the accepted value is the (more accurate) two-half sum.
 *
 * <p>The nodes and weights are computed once by Newton's method on the Legendre recurrence (to machine
 * precision), so no tabulated constants are involved.
 */
final class GaussLegendrePanels {

    /** Number of nodes per panel rule. */
    static final int N = 12;
    private static final double[] NODE = new double[N];
    private static final double[] WEIGHT = new double[N];
    private static final int MAX_DEPTH = 30;
    /** Maximal number of panel splits per call (a guard against an unattainable tolerance). */
    private static final int MAX_SPLITS = 400;

    static {
        for (int i = 0; i < N; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (N + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= N; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = N * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            NODE[i] = x;
            WEIGHT[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    private GaussLegendrePanels() {
    }

    /** The n-point rule on [a, b]. */
    static double rule(DoubleUnaryOperator f, double a, double b) {
        double mid = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += WEIGHT[i] * f.applyAsDouble(mid + half * NODE[i]);
        }
        return s * half;
    }

    /**
     * The integral over [a, b] to absolute accuracy about {@code tol} (the tolerance is shared among panels in
     * proportion to their length).
     */
    static double integrate(DoubleUnaryOperator f, double a, double b, double tol) {
        return refine(f, a, b, rule(f, a, b), tol, 0, new int[] {MAX_SPLITS});
    }

    private static double refine(DoubleUnaryOperator f, double a, double b, double whole, double tol, int depth,
                                 int[] budget) {
        double m = 0.5 * (a + b);
        double left = rule(f, a, m);
        double right = rule(f, m, b);
        double both = left + right;
        budget[0]--;
        if (Math.abs(both - whole) <= tol || depth >= MAX_DEPTH || budget[0] <= 0 || !(Math.abs(both - whole) >= 0)) {
            return both;
        }
        return refine(f, a, m, left, 0.5 * tol, depth + 1, budget)
                + refine(f, m, b, right, 0.5 * tol, depth + 1, budget);
    }
}
