package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;

/** Monte Carlo second moments of the features (6.4) on a given sample, and the numerical rank rule used with them. */
final class FeatureMoments {

    private FeatureMoments() {
    }

    /**
     * The number of eigenvalues (decreasing) above 1e-8 times the largest; an eigenvalue near that cut is an
     * assumption violation ({@link twostage.linalg.NumericalRank}), not a silent rank change.
     */
    static int numericalRank(double[] ev) {
        return twostage.linalg.NumericalRank.of(ev, 1e-8, "second moment of the features E[psi psi^T]");
    }

    /** (1/n) sum_j psi_U(x_j) psi_U(x_j)^T in the (6.4) coordinates, rows of x the sample. */
    static DMatrixRMaj covariance(MixtureInstance inst, double[] u, DMatrixRMaj x) {
        FeatureMap f = inst.features(u);
        int p = f.fullDimension();
        double[] psi = new double[p];
        DMatrixRMaj s = new DMatrixRMaj(p, p);
        for (int j = 0; j < x.numRows; j++) {
            f.full(x.data, j * inst.dimension(), psi, 0);
            for (int a = 0; a < p; a++) {
                if (psi[a] == 0) {
                    continue;
                }
                for (int b = 0; b < p; b++) {
                    s.data[a * p + b] += psi[a] * psi[b];
                }
            }
        }
        return Mat.scale(1.0 / x.numRows, s);
    }
}
