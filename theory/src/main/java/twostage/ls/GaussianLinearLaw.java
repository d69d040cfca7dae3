package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.Rng;

/**
 * The catalogue's generator G-GAUSS with the closed forms CF2: x ~ N(0, Sigma_down) in R^d, phi(x) = B^T x with B
 * d x p, f*(x) = w*^T x. Linear functions u^T x have L2 inner products u^T Sigma_down v, so
 * Sigma = B^T Sigma_down B, c = B^T Sigma_down w*, E f*^2 = w*^T Sigma_down w*, and the test-point integral of a
 * linear head is (w* - B theta)^T Sigma_down (w* - B theta).
 */
public final class GaussianLinearLaw implements SampledLaw {

    private final DMatrixRMaj sigmaDown;
    private final DMatrixRMaj sqrtSigmaDown;
    private final DMatrixRMaj b;
    private final double[] wStar;

    private GaussianLinearLaw(DMatrixRMaj sigmaDown, DMatrixRMaj b, double[] wStar) {
        this.sigmaDown = sigmaDown;
        this.b = b;
        this.wStar = wStar;
        this.sqrtSigmaDown = SymmetricEigen.of(sigmaDown).apply(v -> Math.sqrt(Math.max(v, 0)));
    }

    /**
     * @param sigmaDown d x d covariance of x (symmetric PSD)
     * @param b         d x p feature weights
     * @param wStar     target coefficients, length d
     */
    public static GaussianLinearLaw of(DMatrixRMaj sigmaDown, DMatrixRMaj b, double[] wStar) {
        Checks.requireSquare("Sigma_down", sigmaDown);
        Checks.requireFinite("Sigma_down", sigmaDown);
        Checks.requireSymmetric("Sigma_down", sigmaDown, 1e-10);
        Checks.requirePsd("Sigma_down", sigmaDown, 1e-12);
        Checks.requireFinite("feature weights B", b);
        Checks.requireFinite("w*", wStar);
        int d = sigmaDown.numRows;
        if (b.numRows != d || b.numCols < 1) {
            throw new IllegalArgumentException("feature weights B must be d x p with d=" + d + ", p >= 1, got "
                    + b.numRows + "x" + b.numCols);
        }
        if (wStar.length != d) {
            throw new IllegalArgumentException("w* must have length d=" + d + ", got " + wStar.length);
        }
        return new GaussianLinearLaw(sigmaDown.copy(), b.copy(), wStar.clone());
    }

    public int inputDimension() {
        return sigmaDown.numRows;
    }

    @Override
    public int featureDimension() {
        return b.numCols;
    }

    /** Sigma_down (a copy). */
    @Override
    public DMatrixRMaj inputCovariance() {
        return sigmaDown.copy();
    }

    public DMatrixRMaj weights() {
        return b.copy();
    }

    public FeatureMap featureMap() {
        return FeatureMap.linear(b);
    }

    @Override
    public PopulationMoments moments() {
        DMatrixRMaj sb = Mat.mult(sigmaDown, b);
        DMatrixRMaj sigma = Mat.multTransA(b, sb);
        twostage.random.RandomMatrices.symmetrize(sigma);
        DMatrixRMaj c = Mat.multTransA(sb, Mat.col(wStar));
        return PopulationMoments.exact(sigma, c, quadratic(wStar));
    }

    @Override
    public double meanSquaredError(double[] theta) {
        requireCoefficients(theta);
        DMatrixRMaj r = Mat.sub(Mat.col(wStar), Mat.mult(b, Mat.col(theta)));
        return quadratic(r.getData());
    }

    @Override
    public double meanSquare(double[] a) {
        requireCoefficients(a);
        return quadratic(Mat.mult(b, Mat.col(a)).getData());
    }

    @Override
    public DMatrixRMaj sampleInputs(int n, Rng rng) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size n must be >= 1, got " + n);
        }
        DMatrixRMaj z = twostage.random.RandomMatrices.gaussian(n, inputDimension(), rng);
        return Mat.mult(z, sqrtSigmaDown);
    }

    /** f*(x_i) = w*^T x_i for the rows of x. */
    @Override
    public double[] target(DMatrixRMaj x) {
        return Mat.mult(x, Mat.col(wStar)).getData().clone();
    }

    /** Phi = X B. */
    @Override
    public DMatrixRMaj features(DMatrixRMaj x) {
        return Mat.mult(x, b);
    }

    private double quadratic(double[] u) {
        return Mat.multTransA(Mat.col(u), Mat.mult(sigmaDown, Mat.col(u))).get(0);
    }

    private void requireCoefficients(double[] theta) {
        if (theta.length != featureDimension()) {
            throw new IllegalArgumentException("coefficients must have length p=" + featureDimension() + ", got "
                    + theta.length);
        }
        Checks.requireFinite("coefficients", theta);
    }

    @Override
    public String toString() {
        return "G-GAUSS: d=" + inputDimension() + ", p=" + featureDimension();
    }
}
