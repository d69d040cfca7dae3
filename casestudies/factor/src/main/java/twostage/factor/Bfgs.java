package twostage.factor;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A plain BFGS minimiser with Armijo backtracking for small smooth problems (the direct maximisation of the PPCA
 * likelihood over A in Lemma I.1's check). Stops when the gradient norm falls below {@code gtol} or after
 * {@code maxIter} iterations.
 */
final class Bfgs {

    record Result(double[] x, double value, double gradientNorm, int iterations) {
    }

    private Bfgs() {
    }

    static Result minimize(ToDoubleFunction<double[]> f, Function<double[], double[]> grad, double[] x0, double gtol,
                           int maxIter) {
        int n = x0.length;
        double[] x = x0.clone();
        double fx = f.applyAsDouble(x);
        double[] g = grad.apply(x);
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        int it = 0;
        for (; it < maxIter && norm(g) > gtol; it++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i] -= h[i][j] * g[j];
                }
            }
            double slope = dot(p, g);
            if (slope >= 0) {
                // not a descent direction: reset to steepest descent
                for (int i = 0; i < n; i++) {
                    java.util.Arrays.fill(h[i], 0);
                    h[i][i] = 1;
                    p[i] = -g[i];
                }
                slope = dot(p, g);
            }
            double step = 1;
            double[] xn = new double[n];
            double fn;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * p[i];
                }
                fn = f.applyAsDouble(xn);
                if (fn <= fx + 1e-4 * step * slope || step < 1e-20) {
                    break;
                }
                step *= 0.5;
            }
            double[] gn = grad.apply(xn);
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-300) {
                double[] hy = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        hy[i] += h[i][j] * y[j];
                    }
                }
                double yhy = dot(y, hy);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        h[i][j] += (sy + yhy) * s[i] * s[j] / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
                    }
                }
            }
            x = xn;
            fx = fn;
            g = gn;
            if (step < 1e-20) {
                break;
            }
        }
        return new Result(x, fx, norm(g), it);
    }

    static double dot(double[] a, double[] b) {
        return twostage.linalg.Vectors.dot(a, b);
    }

    static double norm(double[] a) {
        return twostage.linalg.Vectors.norm(a);
    }
}
