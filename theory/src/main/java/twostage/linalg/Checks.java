package twostage.linalg;

import org.ejml.data.DMatrixRMaj;

/** Input validation shared by public entry points; every message names the violated condition. */
public final class Checks {

    private Checks() {
    }

    public static void requireFinite(String what, DMatrixRMaj a) {
        for (int i = 0; i < a.getNumElements(); i++) {
            double v = a.get(i);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(what + " must have finite entries (found " + v + " at index " + i + ")");
            }
        }
    }

    public static void requireFinite(String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isInfinite(a[i])) {
                throw new IllegalArgumentException(what + " must have finite entries (found " + a[i] + " at index " + i + ")");
            }
        }
    }

    public static double requireFinite(String what, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
        return v;
    }

    public static double requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be > 0 and finite, got " + v);
        }
        return v;
    }

    public static double requireNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be >= 0 and finite, got " + v);
        }
        return v;
    }

    public static void requireSquare(String what, DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException(what + " must be square, got " + a.numRows + "x" + a.numCols);
        }
    }

    public static void requireShape(String what, DMatrixRMaj a, int rows, int cols) {
        if (a.numRows != rows || a.numCols != cols) {
            throw new IllegalArgumentException(what + " must be " + rows + "x" + cols + ", got " + a.numRows + "x" + a.numCols);
        }
    }

    public static void requireSymmetric(String what, DMatrixRMaj a, double relTol) {
        requireSquare(what, a);
        double max = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            max = Math.max(max, Math.abs(a.get(i)));
        }
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i + 1; j < a.numCols; j++) {
                if (Math.abs(a.get(i, j) - a.get(j, i)) > relTol * Math.max(max, 1e-300)) {
                    throw new IllegalArgumentException(what + " must be symmetric (entry (" + i + "," + j + ") = "
                            + a.get(i, j) + " but (" + j + "," + i + ") = " + a.get(j, i) + ")");
                }
            }
        }
    }

    /** Symmetric positive semi-definite: smallest eigenvalue >= -relTol * largest. */
    public static void requirePsd(String what, DMatrixRMaj a, double relTol) {
        SymmetricEigen e = SymmetricEigen.of(a);
        double max = Math.max(Math.abs(e.values()[0]), Math.abs(e.values()[e.values().length - 1]));
        double min = e.values()[e.values().length - 1];
        if (min < -relTol * max) {
            throw new IllegalArgumentException(what + " must be positive semi-definite (smallest eigenvalue " + min + ")");
        }
    }

    /** Symmetric positive definite: smallest eigenvalue > relTol * largest. */
    public static void requirePositiveDefinite(String what, DMatrixRMaj a, double relTol) {
        SymmetricEigen e = SymmetricEigen.of(a);
        double max = e.values()[0];
        double min = e.values()[e.values().length - 1];
        if (!(min > relTol * Math.abs(max))) {
            throw new IllegalArgumentException(what + " must be positive definite (smallest eigenvalue " + min
                    + ", largest " + max + ")");
        }
    }
}
