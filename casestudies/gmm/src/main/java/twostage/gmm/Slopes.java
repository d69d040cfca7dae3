package twostage.gmm;


/**
 * Taylor-remainder slope tests: for a remainder function h -> R(h) evaluated on h = 1e-1 .. 1e-4 (or a given grid),
 * the fitted log-log slope, which must be ~2 for a correct first-order expansion and ~3 for a second-order one.
 */
final class Slopes {

    private Slopes() {
    }

    static final double[] STEPS = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3};

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double[] axpy(double[] x, double a, double[] v) {
        double[] out = x.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += a * v[j];
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
