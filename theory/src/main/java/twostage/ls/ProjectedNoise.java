package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * The projected noise (1/n) ||H eps||^2 of Lemma C.13 (p. 32) for noise eps ~ N(0, sigma^2 R) given the design. Its
 * exact mean is (sigma^2 / n) tr(H R); with R = I (the paper's assumption) this is (sigma^2 / n) tr H.
 */
public final class ProjectedNoise {

    private final DMatrixRMaj hat;
    private final double sigma2;
    private final DMatrixRMaj correlation;
    private final DMatrixRMaj sqrtCorrelation;

    private ProjectedNoise(DMatrixRMaj hat, double sigma2, DMatrixRMaj correlation) {
        this.hat = hat;
        this.sigma2 = sigma2;
        this.correlation = correlation;
        this.sqrtCorrelation = SymmetricEigen.of(correlation).apply(v -> Math.sqrt(Math.max(v, 0)));
    }

    /** Homoskedastic uncorrelated noise, Cov = sigma^2 I. */
    public static ProjectedNoise homoskedastic(HatMatrix h, double sigma2) {
        return correlated(h, sigma2, Mat.identity(h.size()));
    }

    /** Noise with Cov = sigma^2 R, R symmetric PSD n x n. */
    public static ProjectedNoise correlated(HatMatrix h, double sigma2, DMatrixRMaj r) {
        Checks.requireNonNegative("noise variance sigma^2", sigma2);
        Checks.requireShape("noise correlation R", r, h.size(), h.size());
        Checks.requireFinite("noise correlation R", r);
        Checks.requirePsd("noise correlation R", r, 1e-12);
        return new ProjectedNoise(h.matrix(), sigma2, r.copy());
    }

    /** (sigma^2 / n) tr(H R). */
    public double expected() {
        return sigma2 * Mat.trace(Mat.mult(hat, correlation)) / hat.numRows;
    }

    /** One draw of (1/n) ||H eps||^2. */
    public double draw(Rng rng) {
        int n = hat.numRows;
        DMatrixRMaj eps = Mat.scale(Math.sqrt(sigma2), Mat.mult(sqrtCorrelation, Mat.col(rng.gaussians(n))));
        DMatrixRMaj he = Mat.mult(hat, eps);
        return Mat.inner(he, he) / n;
    }

    /** Mean of {@code draws} draws with its standard error. */
    public MonteCarlo monteCarlo(int draws, Rng rng) {
        double[] x = new double[draws];
        for (int i = 0; i < draws; i++) {
            x[i] = draw(rng);
        }
        return MonteCarlo.of(x);
    }
}
