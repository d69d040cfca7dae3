package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;

/**
 * The per-sample spectral loss (6.2), l(A; z) = -2 &lt;Ax, Ax+&gt; + &lt;Ax, Ax-&gt;^2, which depends on A only through
 * M = A^T A: l = -2 x^T M x+ + (x^T M x-)^2. A triple z is a flat array (x, x+, x-) of length 3d.
 * Derivatives in M are those of (H.7)-(H.8) (p. 77); derivatives in A are their chain-rule pull-backs.
 */
public final class SpectralLoss {

    private SpectralLoss() {
    }

    static double[] part(double[] z, int d, int which) {
        double[] v = new double[d];
        System.arraycopy(z, which * d, v, 0, d);
        return v;
    }

    static double quad(DMatrixRMaj m, double[] u, double[] v) {
        int d = u.length;
        double s = 0;
        for (int i = 0; i < d; i++) {
            double r = 0;
            for (int j = 0; j < d; j++) {
                r += m.get(i, j) * v[j];
            }
            s += u[i] * r;
        }
        return s;
    }

    static double[] times(DMatrixRMaj a, double[] v) {
        double[] out = new double[a.numRows];
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            for (int j = 0; j < a.numCols; j++) {
                s += a.get(i, j) * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** sym(u v^T) = (u v^T + v u^T)/2. */
    static DMatrixRMaj symOuter(double[] u, double[] v) {
        int d = u.length;
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s.set(i, j, 0.5 * (u[i] * v[j] + v[i] * u[j]));
            }
        }
        return s;
    }

    /** l(A; z) via the representation: -2 (Ax).(Ax+) + ((Ax).(Ax-))^2. */
    public static double loss(DMatrixRMaj a, double[] z) {
        int d = a.numCols;
        double[] ax = times(a, part(z, d, 0));
        double[] axp = times(a, part(z, d, 1));
        double[] axm = times(a, part(z, d, 2));
        double s = dot(ax, axm);
        return -2 * dot(ax, axp) + s * s;
    }

    /** l as a function of the descriptor M: -2 x^T M x+ + (x^T M x-)^2. */
    public static double lossM(DMatrixRMaj m, double[] z) {
        int d = m.numRows;
        double[] x = part(z, d, 0);
        double s = quad(m, x, part(z, d, 2));
        return -2 * quad(m, x, part(z, d, 1)) + s * s;
    }

    /** (H.7): grad_M l = -2 sym(x x+^T) + 2 (x^T M x-) sym(x x-^T). */
    public static DMatrixRMaj gradientM(DMatrixRMaj m, double[] z) {
        int d = m.numRows;
        double[] x = part(z, d, 0);
        double[] xm = part(z, d, 2);
        DMatrixRMaj g = Mat.scale(-2, symOuter(x, part(z, d, 1)));
        double s = quad(m, x, xm);
        return Mat.add(g, Mat.scale(2 * s, symOuter(x, xm)));
    }

    /** (H.8): D(grad_M l)[H] = 2 (x^T H x-) sym(x x-^T); it does not depend on M. */
    public static DMatrixRMaj hessianM(DMatrixRMaj h, double[] z) {
        int d = h.numRows;
        double[] x = part(z, d, 0);
        double[] xm = part(z, d, 2);
        return Mat.scale(2 * quad(h, x, xm), symOuter(x, xm));
    }

    /** grad_A l = 2 A grad_M l(A^T A) (k x d). */
    public static DMatrixRMaj gradientA(DMatrixRMaj a, double[] z) {
        return Mat.scale(2, Mat.mult(a, gradientM(Mat.multTransA(a, a), z)));
    }

    /** The Hessian of l in A as a kd x kd matrix (row-major flattening of A). */
    public static DMatrixRMaj hessianA(DMatrixRMaj a, double[] z) {
        DMatrixRMaj g = gradientM(Mat.multTransA(a, a), z);
        return QuarticObjective.hessianInA(a, g, h -> hessianM(h, z));
    }
}
