package twostage.linalg;

/** Allocating helpers on flat vectors (dot, norm, a x + y, scaling), so geometric formulas read like mathematics. */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors must have equal length, got " + x.length + " and " + y.length);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    public static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** a x + y (new array). */
    public static double[] axpy(double a, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors must have equal length, got " + x.length + " and " + y.length);
        }
        double[] out = y.clone();
        for (int i = 0; i < x.length; i++) {
            out[i] += a * x[i];
        }
        return out;
    }

    /** s x (new array). */
    public static double[] scale(double s, double[] x) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    /** x - y (new array). */
    public static double[] sub(double[] x, double[] y) {
        return axpy(-1, y, x);
    }

    /** x + y (new array). */
    public static double[] add(double[] x, double[] y) {
        return axpy(1, x, y);
    }

    /** max_i |x_i - y_i|. */
    public static double maxDiff(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors must have equal length, got " + x.length + " and " + y.length);
        }
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    /** max_i |x_i|, at least 1 (a scale for relative residuals). */
    public static double scaleOf(double[] x) {
        double m = 1;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
