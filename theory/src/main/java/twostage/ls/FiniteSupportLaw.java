package twostage.ls;

import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * The catalogue's generator G-LIN: mu_down puts weight w_s on each of N points x^(s) in R^d, so L2(mu_down) is R^N
 * with the weighted inner product <g, h> = sum_s w_s g(x^(s)) h(x^(s)) and every population operator is an exact
 * finite matrix expression. A function is represented by its vector of values on the support.
 *
 * <ul>
 *   <li>T theta = F theta, with F the N x p matrix of features phi(x^(s))^T;</li>
 *   <li>T^adj g = F^T W g, Sigma = F^T W F, c = F^T W f*, E f*^2 = sum_s w_s f*(x^(s))^2.</li>
 * </ul>
 * Designs are indices into the support (drawn i.i.d. from the weights, so repeats occur).
 */
public final class FiniteSupportLaw implements FeatureLaw {

    private final DMatrixRMaj points;
    private final double[] weights;
    private final DMatrixRMaj features;
    private final double[] target;
    private final double[] cumulative;

    private FiniteSupportLaw(DMatrixRMaj points, double[] weights, DMatrixRMaj features, double[] target) {
        this.points = points;
        this.weights = weights;
        this.features = features;
        this.target = target;
        this.cumulative = new double[weights.length];
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i];
            cumulative[i] = s;
        }
    }

    /** Uniform weights 1/N on the rows of {@code points}. */
    public static FiniteSupportLaw uniform(DMatrixRMaj points, FeatureMap phi, ToDoubleFunction<double[]> fStar) {
        double[] w = new double[points.numRows];
        java.util.Arrays.fill(w, 1.0 / Math.max(1, points.numRows));
        return weighted(points, w, phi, fStar);
    }

    /**
     * @param points  N x d support points (N >= 1)
     * @param weights N probabilities, each >= 0, summing to 1 (within 1e-12)
     * @param phi     feature map with input dimension d
     * @param fStar   the regression function
     */
    public static FiniteSupportLaw weighted(DMatrixRMaj points, double[] weights, FeatureMap phi,
                                            ToDoubleFunction<double[]> fStar) {
        Checks.requireFinite("support points", points);
        Checks.requireFinite("support weights", weights);
        int n = points.numRows;
        if (n < 1) {
            throw new IllegalArgumentException("support must have at least one point");
        }
        if (weights.length != n) {
            throw new IllegalArgumentException("need one weight per support point: " + weights.length + " weights, "
                    + n + " points");
        }
        if (phi.inputDimension() != points.numCols) {
            throw new IllegalArgumentException("feature map input dimension " + phi.inputDimension()
                    + " must equal the support dimension d=" + points.numCols);
        }
        double sum = 0;
        for (double w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("support weights must be >= 0, found " + w);
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-12) {
            throw new IllegalArgumentException("support weights must sum to 1, sum is " + sum);
        }
        DMatrixRMaj f = phi.rows(points);
        Checks.requireFinite("features on the support", f);
        double[] t = new double[n];
        double[] x = new double[points.numCols];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < x.length; j++) {
                x[j] = points.get(s, j);
            }
            t[s] = fStar.applyAsDouble(x);
        }
        Checks.requireFinite("f* on the support", t);
        return new FiniteSupportLaw(points.copy(), weights.clone(), f, t);
    }

    /** Number of support points N. */
    public int size() {
        return weights.length;
    }

    @Override
    public int featureDimension() {
        return features.numCols;
    }

    public double weight(int s) {
        return weights[s];
    }

    /** The N x p feature matrix F (rows phi(x^(s))^T); a copy. */
    public DMatrixRMaj features() {
        return features.copy();
    }

    /** The j-th coordinate of every support point, as a function on the support. */
    public double[] coordinate(int j) {
        if (j < 0 || j >= points.numCols) {
            throw new IllegalArgumentException("coordinate index must be in [0, d=" + points.numCols + "), got " + j);
        }
        double[] c = new double[size()];
        for (int s = 0; s < c.length; s++) {
            c[s] = points.get(s, j);
        }
        return c;
    }

    /** f* on the support (a copy). */
    public double[] target() {
        return target.clone();
    }

    /** <g, h>_{L2(mu_down)} = sum_s w_s g_s h_s. */
    public double inner(double[] g, double[] h) {
        requireFunction("g", g);
        requireFunction("h", h);
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += weights[i] * g[i] * h[i];
        }
        return s;
    }

    /** ||g||^2 in L2(mu_down). */
    public double normSquared(double[] g) {
        return inner(g, g);
    }

    /** T theta = F theta, a function on the support. */
    public double[] forward(double[] theta) {
        if (theta.length != featureDimension()) {
            throw new IllegalArgumentException("theta must have length p=" + featureDimension() + ", got " + theta.length);
        }
        return Mat.mult(features, Mat.col(theta)).getData().clone();
    }

    /** T^adj g = F^T W g = E[g(X) phi(X)]. */
    public double[] adjoint(double[] g) {
        requireFunction("g", g);
        double[] wg = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            wg[i] = weights[i] * g[i];
        }
        return Mat.multTransA(features, Mat.col(wg)).getData().clone();
    }

    /** Sigma = F^T W F. */
    public DMatrixRMaj sigma() {
        DMatrixRMaj wf = features.copy();
        for (int i = 0; i < wf.numRows; i++) {
            for (int j = 0; j < wf.numCols; j++) {
                wf.set(i, j, weights[i] * wf.get(i, j));
            }
        }
        DMatrixRMaj s = Mat.multTransA(features, wf);
        twostage.random.RandomMatrices.symmetrize(s);
        return s;
    }

    @Override
    public PopulationMoments moments() {
        return PopulationMoments.exact(sigma(), Mat.col(adjoint(target)), normSquared(target));
    }

    @Override
    public double meanSquaredError(double[] theta) {
        double[] fit = forward(theta);
        double s = 0;
        for (int i = 0; i < fit.length; i++) {
            double r = target[i] - fit[i];
            s += weights[i] * r * r;
        }
        return s;
    }

    @Override
    public double meanSquare(double[] a) {
        return normSquared(forward(a));
    }

    /** n i.i.d. draws from mu_down, as support indices (repeats possible). */
    public int[] sampleDesign(int n, Rng rng) {
        if (n < 1) {
            throw new IllegalArgumentException("design size n must be >= 1, got " + n);
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * cumulative[cumulative.length - 1];
            int s = java.util.Arrays.binarySearch(cumulative, u);
            s = s >= 0 ? s + 1 : -s - 1;
            idx[i] = Math.min(s, size() - 1);
            while (weights[idx[i]] == 0) {
                idx[i] = (idx[i] + 1) % size();
            }
        }
        return idx;
    }

    /** n distinct support points chosen uniformly without replacement (for lifts that must exist). */
    public int[] sampleDistinctDesign(int n, Rng rng) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("distinct design size must be in [1, N=" + size() + "], got " + n);
        }
        int[] perm = twostage.random.RandomMatrices.permutation(size(), rng);
        return java.util.Arrays.copyOf(perm, n);
    }

    /** Ev_n(g) = (g(x_1), ..., g(x_n)) for a design given as support indices. */
    public double[] evaluate(int[] design, double[] g) {
        requireFunction("g", g);
        double[] v = new double[design.length];
        for (int i = 0; i < design.length; i++) {
            v[i] = g[checkIndex(design[i])];
        }
        return v;
    }

    /** The n x p design features Phi with rows phi(x_i)^T. */
    public DMatrixRMaj designFeatures(int[] design) {
        DMatrixRMaj phi = new DMatrixRMaj(design.length, featureDimension());
        for (int i = 0; i < design.length; i++) {
            int s = checkIndex(design[i]);
            for (int j = 0; j < phi.numCols; j++) {
                phi.set(i, j, features.get(s, j));
            }
        }
        return phi;
    }

    /** f*(x_i) on the design. */
    public double[] targetOnDesign(int[] design) {
        return evaluate(design, target);
    }

    private int checkIndex(int s) {
        if (s < 0 || s >= size()) {
            throw new IllegalArgumentException("design index must be in [0, N=" + size() + "), got " + s);
        }
        return s;
    }

    private void requireFunction(String what, double[] g) {
        if (g.length != size()) {
            throw new IllegalArgumentException(what + " must have one value per support point (N=" + size() + "), got "
                    + g.length);
        }
        Checks.requireFinite(what, g);
    }

    @Override
    public String toString() {
        return "G-LIN: N=" + size() + " points in R^" + points.numCols + ", p=" + featureDimension();
    }
}
