package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * Draws pre-training triples z = (x, x+, x-) of the spectral model: x ~ N(0, Sigma_pre), x+ = K x + xi with
 * K = Sigma+ Sigma^-1 and xi ~ N(0, Sigma - Sigma+ Sigma^-1 Sigma+) independent of x (so (x, x+) is jointly Gaussian
 * with E[x x^T] = E[x+ x+^T] = Sigma and E[x+ x^T] = Sigma+), and x- an independent copy of x.
 */
public final class PositivePairSampler {

    private final SpectralModel model;

    private PositivePairSampler(SpectralModel model) {
        this.model = model;
    }

    public static PositivePairSampler of(SpectralModel model) {
        return new PositivePairSampler(model);
    }

    /** One triple as a flat array (x, x+, x-) of length 3d. */
    public double[] sample(Rng rng) {
        int d = model.d();
        double[] z = new double[3 * d];
        double[] g1 = rng.gaussians(d);
        double[] g2 = rng.gaussians(d);
        double[] g3 = rng.gaussians(d);
        DMatrixRMaj f = model.sigmaPreFactor();
        DMatrixRMaj kk = model.positiveRegression();
        DMatrixRMaj nf = model.positiveNoiseFactor();
        for (int i = 0; i < d; i++) {
            double x = 0;
            double xm = 0;
            for (int j = 0; j < d; j++) {
                x += f.get(i, j) * g1[j];
                xm += f.get(i, j) * g3[j];
            }
            z[i] = x;
            z[2 * d + i] = xm;
        }
        for (int i = 0; i < d; i++) {
            double xp = 0;
            for (int j = 0; j < d; j++) {
                xp += kk.get(i, j) * z[j] + nf.get(i, j) * g2[j];
            }
            z[d + i] = xp;
        }
        return z;
    }

    /** m triples as the rows of an m x 3d matrix. */
    public DMatrixRMaj sample(int m, Rng rng) {
        int d = model.d();
        DMatrixRMaj out = new DMatrixRMaj(m, 3 * d);
        for (int j = 0; j < m; j++) {
            double[] z = sample(rng);
            System.arraycopy(z, 0, out.data, j * 3 * d, 3 * d);
        }
        return out;
    }

    /** Downstream inputs: n rows x ~ N(0, Sigma_down). */
    public DMatrixRMaj downstreamInputs(int n, Rng rng) {
        int d = model.d();
        DMatrixRMaj f = model.sigmaDownFactor();
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int r = 0; r < n; r++) {
            double[] g = rng.gaussians(d);
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += f.get(i, j) * g[j];
                }
                x.set(r, i, s);
            }
        }
        return x;
    }
}
