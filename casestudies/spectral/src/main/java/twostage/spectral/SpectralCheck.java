package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/** Common base of the checks of module {@code casestudies/spectral}. */
abstract class SpectralCheck implements Check {

    static final String MODULE = "casestudies/spectral";

    @Override
    public final String module() {
        return MODULE;
    }

    static DMatrixRMaj randomSymmetric(int d, Rng rng) {
        DMatrixRMaj h = RandomMatrices.gaussian(d, d, rng);
        RandomMatrices.symmetrize(h);
        return h;
    }

    static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.6g", x);
    }

    /** Relative Frobenius distance ||a - b|| / max(||b||, tiny). */
    static double relDist(DMatrixRMaj a, DMatrixRMaj b) {
        return Mat.dist(a, b) / Math.max(Mat.frob(b), 1e-300);
    }
}
