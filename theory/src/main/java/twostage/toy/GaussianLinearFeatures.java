package twostage.toy;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import twostage.engine.DownstreamModel;
import twostage.engine.EquivalentDesign;
import twostage.engine.Representation;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Gaussian inputs with linear features (CF2 of the catalogue): x ~ N(0, Sigma) in R^d, psi(x, w) = B(w)^T x with a
 * d x p loading matrix B(w), and a linear target f*(x) = beta^T x with noise variance sigma^2. All population moments
 * are exact: E[psi(w1) psi(w2)^T] = B(w1)^T Sigma B(w2), E[f* psi(w)] = B(w)^T Sigma beta, E f*^2 = beta^T Sigma beta.
 */
public final class GaussianLinearFeatures implements Representation, DownstreamModel, EquivalentDesign {

    private final DMatrixRMaj sigma;
    private final DMatrixRMaj cholesky;
    private final DMatrixRMaj beta;
    private final double noiseVariance;
    private final int p;
    private final Function<double[], DMatrixRMaj> loadings;

    /**
     * @param sigma         input covariance, d x d, positive definite
     * @param beta          target coefficients, f*(x) = beta^T x
     * @param noiseVariance sigma^2 >= 0
     * @param p             feature dimension
     * @param loadings      w -> B(w), d x p
     */
    public GaussianLinearFeatures(DMatrixRMaj sigma, double[] beta, double noiseVariance, int p,
                                  Function<double[], DMatrixRMaj> loadings) {
        Checks.requirePositiveDefinite("input covariance Sigma", sigma, 1e-12);
        Checks.requireFinite("target coefficients beta", beta);
        if (beta.length != sigma.numRows) {
            throw new IllegalArgumentException("beta has length " + beta.length + " but d = " + sigma.numRows);
        }
        Checks.requireNonNegative("noise variance sigma^2", noiseVariance);
        if (p < 1) {
            throw new IllegalArgumentException("feature dimension p must be >= 1, got " + p);
        }
        this.sigma = sigma.copy();
        this.beta = Mat.col(beta.clone());
        this.noiseVariance = noiseVariance;
        this.p = p;
        this.loadings = loadings;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(sigma.numRows, true);
        if (!chol.decompose(sigma.copy())) {
            throw new IllegalArgumentException("input covariance Sigma must be positive definite (Cholesky failed)");
        }
        this.cholesky = chol.getT(null);
    }

    /** B(w), d x p, validated. */
    public DMatrixRMaj loadings(double[] w) {
        DMatrixRMaj b = loadings.apply(w);
        Checks.requireShape("loadings B(w)", b, sigma.numRows, p);
        Checks.requireFinite("loadings B(w)", b);
        return b;
    }

    public DMatrixRMaj inputCovariance() {
        return sigma.copy();
    }

    @Override public int featureDimension() { return p; }
    @Override public int inputDimension() { return sigma.numRows; }
    @Override public double noiseVariance() { return noiseVariance; }

    @Override
    public DMatrixRMaj features(double[] w, DMatrixRMaj x) {
        Checks.requireShape("inputs X", x, x.numRows, sigma.numRows);
        return Mat.mult(x, loadings(w));
    }

    /** Rows x_i = L g_i with L L^T = Sigma and g_i standard normal. */
    @Override
    public DMatrixRMaj sampleInputs(int n, Rng rng) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size n must be >= 1, got " + n);
        }
        int d = sigma.numRows;
        DMatrixRMaj g = new DMatrixRMaj(n, d);
        for (int i = 0; i < n * d; i++) {
            g.set(i, rng.gaussian());
        }
        return Mat.multTransB(g, cholesky);
    }

    /**
     * Exact in law: X^T X for n i.i.d. N(0, Sigma) rows is L W L^T with W ~ Wishart_d(n, I) = A A^T (Bartlett: A lower
     * triangular, A_ii^2 ~ chi2_{n-i}, A_ij ~ N(0, 1) below the diagonal). Returns Xt = sqrt(d/n) A^T L^T (d x d), so
     * Xt^T Xt / d = X^T X / n in law. Falls back to n sampled rows when n < d.
     */
    @Override
    public DMatrixRMaj sampleEquivalentDesign(int n, Rng rng) {
        int d = sigma.numRows;
        if (n < d) {
            return sampleInputs(n, rng);
        }
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            a.set(i, i, Math.sqrt(ChiSquaredDistribution.of(n - i).createSampler(rng.uniform()).sample()));
            for (int j = 0; j < i; j++) {
                a.set(i, j, rng.gaussian());
            }
        }
        return Mat.scale(Math.sqrt((double) d / n), Mat.multTransB(Mat.transpose(a), cholesky));
    }

    @Override
    public double[] target(DMatrixRMaj x) {
        return Mat.mult(x, beta).getData().clone();
    }

    @Override
    public double targetSecondMoment() {
        return Mat.multTransA(beta, Mat.mult(sigma, beta)).get(0);
    }

    @Override
    public DMatrixRMaj crossMoment(double[] w1, double[] w2) {
        return Mat.multTransA(loadings(w1), Mat.mult(sigma, loadings(w2)));
    }

    @Override
    public DMatrixRMaj targetMoment(double[] w) {
        return Mat.multTransA(loadings(w), Mat.mult(sigma, beta));
    }

    /** A d x p matrix from its rows. */
    static DMatrixRMaj matrix(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    static DMatrixRMaj identity(int d) {
        return CommonOps_DDRM.identity(d);
    }
}
