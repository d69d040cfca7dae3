package twostage.gmm;

import twostage.linalg.Vectors;

/**
 * The step grid of this module's Taylor-remainder slope tests (fitted by {@link twostage.stats.LogLogSlope}) and
 * short names for the flat-vector operations they use (the arithmetic lives in {@link Vectors}).
 */
final class Slopes {

    private Slopes() {
    }

    static final double[] STEPS = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3};

    static double norm(double[] v) {
        return Vectors.norm(v);
    }

    /** x + a v (new array). */
    static double[] axpy(double[] x, double a, double[] v) {
        return Vectors.axpy(a, v, x);
    }

    static double dot(double[] a, double[] b) {
        return Vectors.dot(a, b);
    }
}
