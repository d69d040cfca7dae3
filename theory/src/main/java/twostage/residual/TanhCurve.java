package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;

/**
 * Smooth nonlinear features on a finite support (G-LIN): phi(x, B) = tanh(B^T x) in R^k for B in R^{d x k}, with
 * B(v) = B0 + sum_a v_a V_a. Optionally one dependent feature is appended,
 * phi_{k+1} = phi_1 + gamma(B) phi_2 with gamma(B) = 1 + B_{00}, so Sigma(Omega) is rank-deficient with a kernel that
 * moves with Omega (rank stays k: a constant-rank region whose range turns).
 *
 * <p>Derivative: D tanh(B^T x)[V] = (1 - tanh^2(B0^T x)) * (V^T x) entrywise, and for the dependent feature
 * D phi_1 + gamma D phi_2 + V_{00} phi_2.
 */
public final class TanhCurve implements FeatureCurve {

    private final FunctionSpace space;
    private final DMatrixRMaj points;
    private final DMatrixRMaj b0;
    private final DMatrixRMaj[] directions;
    private final boolean dependent;
    private final String name;

    public TanhCurve(String name, FunctionSpace space, DMatrixRMaj points, DMatrixRMaj b0, boolean dependent,
                     DMatrixRMaj... directions) {
        if (points.numRows != space.dim()) {
            throw new IllegalArgumentException("need one support point per coordinate: " + space.dim() + " rows, got "
                    + points.numRows);
        }
        if (b0.numRows != points.numCols) {
            throw new IllegalArgumentException("B0 must be d x k with d = " + points.numCols);
        }
        if (dependent && b0.numCols < 2) {
            throw new IllegalArgumentException("a dependent feature needs k >= 2, got k = " + b0.numCols);
        }
        Checks.requireFinite("support points", points);
        Checks.requireFinite("B0", b0);
        for (DMatrixRMaj a : directions) {
            Checks.requireShape("direction V_a", a, b0.numRows, b0.numCols);
        }
        this.space = space;
        this.points = points.copy();
        this.b0 = b0.copy();
        this.directions = directions.clone();
        this.dependent = dependent;
        this.name = name;
    }

    private DMatrixRMaj combo(double[] v) {
        if (v.length != directions.length) {
            throw new IllegalArgumentException("tangent vector must have length " + directions.length);
        }
        DMatrixRMaj lin = new DMatrixRMaj(b0.numRows, b0.numCols);
        for (int a = 0; a < directions.length; a++) {
            lin = Mat.add(lin, Mat.scale(v[a], directions[a]));
        }
        return lin;
    }

    @Override
    public DMatrixRMaj features(double[] v) {
        DMatrixRMaj b = Mat.add(b0, combo(v));
        DMatrixRMaj z = Mat.mult(points, b);
        int n = z.numRows;
        int k = z.numCols;
        DMatrixRMaj f = new DMatrixRMaj(n, featureDimension());
        double gamma = 1 + b.get(0, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                f.set(i, j, Math.tanh(z.get(i, j)));
            }
            if (dependent) {
                f.set(i, k, f.get(i, 0) + gamma * f.get(i, 1));
            }
        }
        return f;
    }

    @Override
    public DMatrixRMaj derivative(double[] v) {
        DMatrixRMaj vv = combo(v);
        DMatrixRMaj z = Mat.mult(points, b0);
        DMatrixRMaj dz = Mat.mult(points, vv);
        int n = z.numRows;
        int k = z.numCols;
        DMatrixRMaj f = new DMatrixRMaj(n, featureDimension());
        double gamma = 1 + b0.get(0, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double t = Math.tanh(z.get(i, j));
                f.set(i, j, (1 - t * t) * dz.get(i, j));
            }
            if (dependent) {
                f.set(i, k, f.get(i, 0) + gamma * f.get(i, 1) + vv.get(0, 0) * Math.tanh(z.get(i, 1)));
            }
        }
        return f;
    }

    /** The support points (N x d). */
    public DMatrixRMaj points() { return points.copy(); }

    /** B0 (d x k). */
    public DMatrixRMaj b0() { return b0.copy(); }

    @Override public FunctionSpace space() { return space; }
    @Override public int featureDimension() { return b0.numCols + (dependent ? 1 : 0); }
    @Override public int tangentDimension() { return directions.length; }
    @Override public String name() { return name; }
}
