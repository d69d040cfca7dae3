package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.engine.TwoStageProblem;
import twostage.linalg.Mat;
import twostage.toy.GaussianLinearFeatures;

/**
 * Gaussian linear features (G-GAUSS, CF2): phi(x, Omega(v)) = B(v)^T x with x ~ N(0, Sigma_x), so the feature
 * operator in the coordinates of linear functions is the d x p matrix B(v). Two shapes:
 * <ul>
 *   <li>affine: B(v) = B0 + sum_a v_a B_a (the toy instances Toy-R, Toy-NR of claims.md section 4, taken from
 *   package {@code twostage.toy});</li>
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

    /**
     * The curve of a toy instance of package {@code twostage.toy} whose downstream model is Gaussian with loadings
     * B(w) affine in w (Toy-R, Toy-NR and its correlated variant): B_a = B(e_a) - B(0).
     *
     * @throws IllegalArgumentException if the downstream model is not {@link GaussianLinearFeatures} or B is not affine
     */
    public static GaussianLinearCurve fromToy(TwoStageProblem<?> toy) {
        if (!(toy.downstream() instanceof GaussianLinearFeatures down)) {
            throw new IllegalArgumentException("toy downstream model must be Gaussian linear, got "
                    + toy.downstream().getClass().getSimpleName());
        }
        double[] truth = toy.pretraining().truth();
        int k = truth.length;
        DMatrixRMaj b0 = down.loadings(truth);
        DMatrixRMaj[] dirs = new DMatrixRMaj[k];
        for (int a = 0; a < k; a++) {
            double[] e1 = truth.clone();
            e1[a] += 1;
            double[] e2 = truth.clone();
            e2[a] += 2;
            dirs[a] = Mat.sub(down.loadings(e1), b0);
            DMatrixRMaj twice = Mat.sub(down.loadings(e2), b0);
            if (Mat.dist(twice, Mat.scale(2, dirs[a])) > 1e-12 * (1 + Mat.frob(twice))) {
                throw new IllegalArgumentException("loadings of " + toy.name() + " must be affine in w");
            }
        }
        return affine(toy.name() + " (G-GAUSS form)", down.inputCovariance(), b0, dirs);
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
