package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Nonlinear features on Gaussian inputs with exact moments: x ~ N(0, Sigma_down) in R^d, u = B^T x (B d x k),
 * phi(x) = (u, u o u) (p = 2k, o the entrywise product) and f*(x) = w*^T x + (v^T x)^2. With S = B^T Sigma_down B,
 * s = B^T Sigma_down v and s_vv = v^T Sigma_down v, Gaussian moment identities (odd moments vanish,
 * E[a^2 b^2] = E a^2 E b^2 + 2 (E ab)^2, E a^4 = 3 (E a^2)^2) give
 * <pre>
 *   Sigma = [[S, 0], [0, S_jj S_kk + 2 S_jk^2]],
 *   c = (B^T Sigma_down w*, s_vv S_kk + 2 s_k^2),
 *   E f*^2 = w*^T Sigma_down w* + 3 s_vv^2.
 * </pre>
 * The test-point integrals of {@link FeatureLaw} use these moments; {@link #sampleInputs} lets a Monte Carlo over test
 * points check them.
 */
public final class GaussianQuadraticLaw implements SampledLaw {

    private final GaussianLinearLaw inputs;
    private final DMatrixRMaj b;
    private final double[] wStar;
    private final double[] v;
    private final PopulationMoments moments;

    private GaussianQuadraticLaw(DMatrixRMaj sigmaDown, DMatrixRMaj b, double[] wStar, double[] v) {
        this.inputs = GaussianLinearLaw.of(sigmaDown, b, wStar);
        this.b = b;
        this.wStar = wStar;
        this.v = v;
        this.moments = computeMoments(sigmaDown);
    }

    /**
     * @param sigmaDown d x d covariance (symmetric PSD)
     * @param b         d x k weights of the linear part
     * @param wStar     linear part of f*, length d
     * @param v         f* has the quadratic part (v^T x)^2, length d
     */
    public static GaussianQuadraticLaw of(DMatrixRMaj sigmaDown, DMatrixRMaj b, double[] wStar, double[] v) {
        Checks.requireFinite("v", v);
        if (v.length != sigmaDown.numRows) {
            throw new IllegalArgumentException("v must have length d=" + sigmaDown.numRows + ", got " + v.length);
        }
        GaussianLinearLaw.of(sigmaDown, b, wStar);
        return new GaussianQuadraticLaw(sigmaDown.copy(), b.copy(), wStar.clone(), v.clone());
    }

    private PopulationMoments computeMoments(DMatrixRMaj sigmaDown) {
        int k = b.numCols;
        DMatrixRMaj s = Mat.multTransA(b, Mat.mult(sigmaDown, b));
        double[] sv = Mat.multTransA(b, Mat.mult(sigmaDown, Mat.col(v))).getData();
        double svv = Mat.multTransA(Mat.col(v), Mat.mult(sigmaDown, Mat.col(v))).get(0);
        DMatrixRMaj sigma = new DMatrixRMaj(2 * k, 2 * k);
        DMatrixRMaj c = new DMatrixRMaj(2 * k, 1);
        double[] linear = Mat.multTransA(b, Mat.mult(sigmaDown, Mat.col(wStar))).getData();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                sigma.set(i, j, s.get(i, j));
                sigma.set(k + i, k + j, s.get(i, i) * s.get(j, j) + 2 * s.get(i, j) * s.get(i, j));
            }
            c.set(i, 0, linear[i]);
            c.set(k + i, 0, svv * s.get(i, i) + 2 * sv[i] * sv[i]);
        }
        double wsw = Mat.multTransA(Mat.col(wStar), Mat.mult(sigmaDown, Mat.col(wStar))).get(0);
        return PopulationMoments.exact(sigma, c, wsw + 3 * svv * svv);
    }

    /** Sigma_down (a copy). */
    @Override
    public DMatrixRMaj inputCovariance() {
        return inputs.inputCovariance();
    }

    @Override
    public int featureDimension() {
        return 2 * b.numCols;
    }

    @Override
    public PopulationMoments moments() {
        return moments;
    }

    /** E f*^2 - 2 theta^T c + theta^T Sigma theta. */
    @Override
    public double meanSquaredError(double[] theta) {
        DMatrixRMaj t = requireCoefficients(theta);
        return moments.targetSecondMoment() - 2 * Mat.multTransA(t, moments.c()).get(0) + meanSquare(theta);
    }

    @Override
    public double meanSquare(double[] a) {
        DMatrixRMaj t = requireCoefficients(a);
        return Mat.multTransA(t, Mat.mult(moments.sigma(), t)).get(0);
    }

    @Override
    public DMatrixRMaj sampleInputs(int n, Rng rng) {
        return inputs.sampleInputs(n, rng);
    }

    @Override
    public DMatrixRMaj features(DMatrixRMaj x) {
        return FeatureMap.quadratic(b).rows(x);
    }

    @Override
    public double[] target(DMatrixRMaj x) {
        double[] lin = Mat.mult(x, Mat.col(wStar)).getData();
        double[] quad = Mat.mult(x, Mat.col(v)).getData();
        double[] out = new double[lin.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = lin[i] + quad[i] * quad[i];
        }
        return out;
    }

    private DMatrixRMaj requireCoefficients(double[] theta) {
        if (theta.length != featureDimension()) {
            throw new IllegalArgumentException("coefficients must have length p=" + featureDimension() + ", got "
                    + theta.length);
        }
        Checks.requireFinite("coefficients", theta);
        return Mat.col(theta);
    }

    @Override
    public String toString() {
        return "Gaussian inputs, quadratic features: d=" + inputs.inputDimension() + ", p=" + featureDimension();
    }
}
