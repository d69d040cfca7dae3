package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * A finite-dimensional subspace of L^2(mu_down) in coordinates: a function is a vector u in R^D and the L^2 inner
 * product is u^T G v for a positive definite Gram matrix G. Two instances of the catalogue (section 4) fit:
 * <ul>
 *   <li>G-GAUSS: linear functions x -> u^T x under x ~ N(0, Sigma_x); D = d and G = Sigma_x.</li>
 *   <li>G-LIN: all functions on a finite support {x^(1..N)} with weights w_s; D = N and G = diag(w).</li>
 * </ul>
 * A feature operator T: R^p -> L^2 is a D x p matrix F (column j = coordinates of the j-th feature); then
 * T^adj = F^T G, Sigma = F^T G F and the L^2-orthogonal projector onto Im T is F Sigma^+ F^T G (a D x D matrix).
 * An evaluation matrix E (n x D) maps a function to its values at a design x_{1:n}.
 */
public final class FunctionSpace {

    /** Draws the evaluation matrix of an i.i.d. design of size n. */
    @FunctionalInterface
    interface DesignSampler {
        DMatrixRMaj sample(int n, Rng rng);
    }

    private static final double RANK_TOL = 1e-10;

    private final DMatrixRMaj gram;
    private final DMatrixRMaj root;
    private final DMatrixRMaj invRoot;
    private final DesignSampler sampler;
    private final String description;

    private FunctionSpace(DMatrixRMaj gram, DesignSampler sampler, String description) {
        this.gram = gram;
        this.root = PsdRoots.sqrt(gram);
        this.invRoot = PsdRoots.pinvSqrt(gram);
        this.sampler = sampler;
        this.description = description;
    }

    /**
     * Linear functions under x ~ N(0, Sigma_x) (G-GAUSS).
     *
     * @throws IllegalArgumentException if Sigma_x is not symmetric positive definite or has NaN entries
     */
    public static FunctionSpace gaussianLinear(DMatrixRMaj sigmaX) {
        Checks.requireFinite("Sigma_x", sigmaX);
        Checks.requirePositiveDefinite("Sigma_x", sigmaX, 1e-12);
        DMatrixRMaj s = sigmaX.copy();
        DMatrixRMaj r = PsdRoots.sqrt(s);
        int d = s.numRows;
        return new FunctionSpace(s, (n, rng) -> {
            DMatrixRMaj z = new DMatrixRMaj(n, d);
            for (int i = 0; i < z.getNumElements(); i++) {
                z.set(i, rng.gaussian());
            }
            return Mat.mult(z, r);
        }, "G-GAUSS linear functions, d=" + d);
    }

    /**
     * All functions on a finite support with the given weights (G-LIN).
     *
     * @throws IllegalArgumentException if a weight is not positive or NaN, or the weights do not sum to 1
     */
    public static FunctionSpace finiteSupport(double[] weights) {
        Checks.requireFinite("support weights", weights);
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("support weights must be positive, got " + w);
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-12) {
            throw new IllegalArgumentException("support weights must sum to 1, got " + sum);
        }
        int big = weights.length;
        DMatrixRMaj g = new DMatrixRMaj(big, big);
        double[] cum = new double[big];
        double c = 0;
        for (int s = 0; s < big; s++) {
            g.set(s, s, weights[s]);
            c += weights[s];
            cum[s] = c;
        }
        final double total = c;
        return new FunctionSpace(g, (n, rng) -> {
            DMatrixRMaj e = new DMatrixRMaj(n, big);
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble() * total;
                int s = java.util.Arrays.binarySearch(cum, u);
                s = s >= 0 ? s : -s - 1;
                e.set(i, Math.min(s, big - 1), 1.0);
            }
            return e;
        }, "G-LIN finite support, N=" + big);
    }

    public static FunctionSpace finiteSupportUniform(int size) {
        double[] w = new double[size];
        java.util.Arrays.fill(w, 1.0 / size);
        return finiteSupport(w);
    }

    /** D, the coordinate dimension. */
    public int dim() {
        return gram.numRows;
    }

    public DMatrixRMaj gram() {
        return gram.copy();
    }

    public String description() {
        return description;
    }

    /** <f, g>_{L^2}. */
    public double inner(DMatrixRMaj f, DMatrixRMaj g) {
        return Mat.multTransA(f, Mat.mult(gram, g)).get(0, 0);
    }

    /** ||f||_{L^2}. */
    public double norm(DMatrixRMaj f) {
        return Math.sqrt(Math.max(0, inner(f, f)));
    }

    /** a^T G b (e.g. Sigma = gram(F, F), c = gram(F, f)). */
    public DMatrixRMaj gram(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj m = Mat.multTransA(a, Mat.mult(gram, b));
        if (a == b) {
            symmetrize(m);
        }
        return m;
    }

    /**
     * An L^2-orthonormal basis (D x r) of the span of the columns of {@code span}; the rank cut is 1e-10 relative
     * to the largest singular value of G^{1/2} span (not of its square, so columns of very different sizes are kept).
     */
    public DMatrixRMaj orthonormalBasis(DMatrixRMaj span) {
        int big = dim();
        if (span.numCols == 0) {
            return new DMatrixRMaj(big, 0);
        }
        DMatrixRMaj a = Mat.mult(root, span);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, true,
                false, true);
        if (!svd.decompose(a.copy())) {
            throw new IllegalStateException("SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, null, false);
        int k = Math.min(a.numRows, a.numCols);
        double smax = w.get(0, 0);
        int r = 0;
        for (int j = 0; j < k; j++) {
            if (smax > 0 && w.get(j, j) > RANK_TOL * smax) {
                r++;
            }
        }
        return Mat.mult(invRoot, CommonOps_DDRM.extract(u, 0, big, 0, r));
    }

    /** The L^2-orthogonal projector (D x D) onto the span of the columns of {@code span}. */
    public DMatrixRMaj projector(DMatrixRMaj span) {
        DMatrixRMaj q = orthonormalBasis(span);
        return Mat.mult(q, Mat.multTransA(q, gram));
    }

    /** dim of the span of the columns, with the rank cut of {@link #orthonormalBasis}. */
    public int rank(DMatrixRMaj span) {
        return orthonormalBasis(span).numCols;
    }

    /** The operator norm on L^2 of a D x D operator A: ||G^{1/2} A G^{-1/2}||_op. */
    public double opNorm(DMatrixRMaj a) {
        return Mat.opNorm(Mat.mult(root, a, invRoot));
    }

    /** The operator norm of a map R^p -> L^2 given by a D x p matrix: ||G^{1/2} A||_op. */
    public double opNormFromEuclidean(DMatrixRMaj a) {
        return Mat.opNorm(Mat.mult(root, a));
    }

    /** The evaluation matrix (n x D) of an i.i.d. design of size n drawn from mu_down. */
    public DMatrixRMaj sampleDesign(int n, Rng rng) {
        if (n < 1) {
            throw new IllegalArgumentException("design size must be >= 1, got " + n);
        }
        return sampler.sample(n, rng);
    }

    static void symmetrize(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = i + 1; j < m.numCols; j++) {
                double v = 0.5 * (m.get(i, j) + m.get(j, i));
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
    }
}
