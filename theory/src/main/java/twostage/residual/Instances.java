package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Random instances of the generators of claims.md section 4 used by the Appendix G checks.
 * <ul>
 *   <li>{@link #tanhOnSupport}: G-LIN, N support points x^(s) ~ N(0, I_d) with uniform weights, phi = tanh(B^T x),
 *   B0 with N(0, 0.5) entries, tangent directions with N(0, 1) entries;</li>
 *   <li>{@link #curvedGaussian}: G-GAUSS, Sigma_x random SPD with condition number 5, B(v) curved (expm1), B0 of full
 *   column rank p < d.</li>
 * </ul>
 */
public final class Instances {

    private Instances() {
    }

    public static TanhCurve tanhOnSupport(Rng rng, int support, int d, int k, boolean dependent, int tangentDim) {
        DMatrixRMaj x = RandomMatrices.gaussian(support, d, rng);
        DMatrixRMaj b0 = Mat.scale(Math.sqrt(0.5), RandomMatrices.gaussian(d, k, rng));
        DMatrixRMaj[] dirs = new DMatrixRMaj[tangentDim];
        for (int a = 0; a < tangentDim; a++) {
            dirs[a] = RandomMatrices.gaussian(d, k, rng);
        }
        String name = "G-LIN tanh features, N=" + support + ", d=" + d + ", k=" + k + (dependent ? " + dependent" : "");
        return new TanhCurve(name, FunctionSpace.finiteSupportUniform(support), x, b0, dependent, dirs);
    }

    public static GaussianLinearCurve curvedGaussian(Rng rng, int d, int p, int tangentDim) {
        DMatrixRMaj sigma = RandomMatrices.spd(d, 5, rng);
        DMatrixRMaj b0 = RandomMatrices.gaussian(d, p, rng);
        DMatrixRMaj[] dirs = new DMatrixRMaj[tangentDim];
        for (int a = 0; a < tangentDim; a++) {
            dirs[a] = Mat.scale(0.5, RandomMatrices.gaussian(d, p, rng));
        }
        return GaussianLinearCurve.curved("G-GAUSS curved, d=" + d + ", p=" + p, sigma, b0, dirs);
    }

    /** G-GAUSS with a rank-deficient feature matrix B = B1 K (B1 d x r, K r x p), Sigma_x SPD with condition 5. */
    public static GaussianLinearCurve rankDeficientGaussian(Rng rng, int d, int p, int r) {
        DMatrixRMaj b = Mat.mult(RandomMatrices.gaussian(d, r, rng), RandomMatrices.gaussian(r, p, rng));
        return GaussianLinearCurve.affine("G-GAUSS rank " + r + " of " + p + ", d=" + d, RandomMatrices.spd(d, 5, rng),
                b, RandomMatrices.gaussian(d, p, rng));
    }

    /** A unit vector with i.i.d. Gaussian direction. */
    public static double[] unitVector(int k, Rng rng) {
        double[] v = rng.gaussians(k);
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < k; i++) {
            v[i] /= n;
        }
        return v;
    }

    public static double[] scaled(double t, double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= t;
        }
        return out;
    }
}
