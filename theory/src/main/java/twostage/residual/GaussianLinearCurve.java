package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;

/**
 * Gaussian linear features (G-GAUSS, CF2): phi(x, Omega(v)) = B(v)^T x with x ~ N(0, Sigma_x), so the feature
 * operator in the coordinates of linear functions is the d x p matrix B(v). Two shapes:
 * <ul>
 *   <li>affine: B(v) = B0 + sum_a v_a B_a (the toy instances Toy-R, Toy-NR of claims.md section 4);</li>
 *   <li>curved: B(v) = B0 + expm1(sum_a v_a B_a) entrywise, whose second derivative is non-zero, so first-order
 *   Taylor remainders are exactly of order ||v||^2.</li>
 * </ul>
 * The derivative at 0 is sum_a v_a B_a in both shapes.
 */
public final class GaussianLinearCurve implements FeatureCurve {

    private final FunctionSpace space;
    private final DMatrixRMaj b0;
    private final DMatrixRMaj[] directions;
    private final boolean curved;
    private final String name;

    private GaussianLinearCurve(String name, DMatrixRMaj sigmaX, DMatrixRMaj b0, DMatrixRMaj[] directions,
                                boolean curved) {
        Checks.requireFinite("B0", b0);
        if (b0.numRows != sigmaX.numRows) {
            throw new IllegalArgumentException("B0 must have d = " + sigmaX.numRows + " rows, got " + b0.numRows);
        }
        for (DMatrixRMaj a : directions) {
            Checks.requireShape("direction B_a", a, b0.numRows, b0.numCols);
            Checks.requireFinite("direction B_a", a);
        }
        this.space = FunctionSpace.gaussianLinear(sigmaX);
        this.b0 = b0.copy();
        this.directions = directions.clone();
        this.curved = curved;
        this.name = name;
    }

    public static GaussianLinearCurve affine(String name, DMatrixRMaj sigmaX, DMatrixRMaj b0, DMatrixRMaj... dirs) {
        return new GaussianLinearCurve(name, sigmaX, b0, dirs, false);
    }

    public static GaussianLinearCurve curved(String name, DMatrixRMaj sigmaX, DMatrixRMaj b0, DMatrixRMaj... dirs) {
        return new GaussianLinearCurve(name, sigmaX, b0, dirs, true);
    }

    /** Toy-R in G-GAUSS form: x ~ N(0, I_2), phi(x, w) = x1 + w x2, theta* = 1, f* = x1. */
    public static GaussianLinearCurve toyRegular() {
        return affine("Toy-R (G-GAUSS form)", Mat.identity(2), col(1, 0), col(0, 1));
    }

    /** Toy-NR in G-GAUSS form: x ~ N(0, I_3), phi(x, w) = (x1 + w x3, w x2), f* = x1. */
    public static GaussianLinearCurve toyNonRegular() {
        return toyNonRegular("Toy-NR (G-GAUSS form)", Mat.identity(3));
    }

    /**
     * Toy-NR with a general Sigma_x (the correlated variant of claims.md section 4 when Sigma_x is not diagonal).
     */
    public static GaussianLinearCurve toyNonRegular(String name, DMatrixRMaj sigmaX) {
        DMatrixRMaj b0 = new DMatrixRMaj(new double[][] {{1, 0}, {0, 0}, {0, 0}});
        DMatrixRMaj b1 = new DMatrixRMaj(new double[][] {{0, 0}, {0, 1}, {1, 0}});
        return affine(name, sigmaX, b0, b1);
    }

    private static DMatrixRMaj col(double... v) {
        return Mat.col(v);
    }

    public DMatrixRMaj b(double[] v) {
        requireTangent(v);
        DMatrixRMaj lin = new DMatrixRMaj(b0.numRows, b0.numCols);
        for (int a = 0; a < directions.length; a++) {
            lin = Mat.add(lin, Mat.scale(v[a], directions[a]));
        }
        if (curved) {
            for (int i = 0; i < lin.getNumElements(); i++) {
                lin.set(i, Math.expm1(lin.get(i)));
            }
        }
        return Mat.add(b0, lin);
    }

    private void requireTangent(double[] v) {
        if (v.length != directions.length) {
            throw new IllegalArgumentException("tangent vector must have length " + directions.length + ", got "
                    + v.length);
        }
        Checks.requireFinite("tangent vector", v);
    }

    @Override public FunctionSpace space() { return space; }
    @Override public int featureDimension() { return b0.numCols; }
    @Override public int tangentDimension() { return directions.length; }
    @Override public DMatrixRMaj features(double[] v) { return b(v); }
    @Override public String name() { return name; }

    @Override
    public DMatrixRMaj derivative(double[] v) {
        requireTangent(v);
        DMatrixRMaj lin = new DMatrixRMaj(b0.numRows, b0.numCols);
        for (int a = 0; a < directions.length; a++) {
            lin = Mat.add(lin, Mat.scale(v[a], directions[a]));
        }
        return lin;
    }
}
