package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.PseudoInverse;

/**
 * Rep(U) = E f*^2 - c(U)^T Sigma(U)^+ c(U) (CF1), the squared L2 distance from f* to span psi_U, on a fixed
 * evaluation sample of the downstream law (common random numbers across U).
 */
final class RepresentationError {

    private final MixtureInstance inst;
    private final DMatrixRMaj x;
    private final double[] target;
    private final double second;

    private RepresentationError(MixtureInstance inst, DMatrixRMaj x) {
        this.inst = inst;
        this.x = x;
        this.target = new double[x.numRows];
        double s = 0;
        for (int j = 0; j < x.numRows; j++) {
            target[j] = inst.target(x.data, j * inst.dimension());
            s += target[j] * target[j];
        }
        this.second = s / x.numRows;
    }

    static RepresentationError of(MixtureInstance inst, int n, twostage.random.Rng rng) {
        return new RepresentationError(inst, inst.model().sample(n, rng));
    }

    /** The smallest eigenvalue of Sigma(U) in reduced coordinates. */
    double minEigenvalue(double[] u) {
        DMatrixRMaj s = covariance(inst.features(u), null);
        double[] lam = twostage.linalg.SymmetricEigen.of(s).values();
        return lam[lam.length - 1];
    }

    /** Sigma(U) in reduced coordinates on the fixed sample; also accumulates c into cOut if non-null. */
    DMatrixRMaj covariance(FeatureMap psi, double[] cOut) {
        int p = psi.reducedDimension();
        int d = inst.dimension();
        double[] f = new double[p];
        double[] acc = new double[p * p];
        for (int j = 0; j < x.numRows; j++) {
            psi.reduced(x.data, j * d, f, 0);
            for (int a = 0; a < p; a++) {
                if (cOut != null) {
                    cOut[a] += target[j] * f[a] / x.numRows;
                }
                for (int b = a; b < p; b++) {
                    acc[a * p + b] += f[a] * f[b];
                }
            }
        }
        DMatrixRMaj s = new DMatrixRMaj(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                s.set(a, b, acc[a * p + b] / x.numRows);
                s.set(b, a, acc[a * p + b] / x.numRows);
            }
        }
        return s;
    }

    double at(double[] u) {
        FeatureMap psi = inst.features(u);
        int p = psi.reducedDimension();
        double[] c = new double[p];
        DMatrixRMaj s = covariance(psi, c);
        DMatrixRMaj pinv = PseudoInverse.pinv(s);
        double q = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                q += c[a] * pinv.get(a, b) * c[b];
            }
        }
        return second - q;
    }
}
