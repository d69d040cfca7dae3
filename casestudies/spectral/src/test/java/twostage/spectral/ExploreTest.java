package twostage.spectral;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.Rng;

class ExploreTest {
    @Test
    void explore() {
        SpectralModel model = SpectralModel.corollary63(2, 4, 1);
        SpectralLimit lim = SpectralLimit.of(model);
        DMatrixRMaj v = lim.v();
        DMatrixRMaj pv = lim.paperV();
        System.out.println("H riem " + lim.riemannianHessian());
        System.out.println("H paper " + lim.paperHessian());
        System.out.println("V " + v);
        System.out.println("Vpaper " + pv);
        System.out.println("weights engine " + Arrays.toString(lim.interactionWeights()));
        System.out.println("weights paperV " + Arrays.toString(SpectralLimit.weights(pv, lim.downstreamGram())));
        // simulation of covariance
        int m = 4000, reps = 300;
        SpectralEstimator est = SpectralEstimator.of(model);
        int dim = lim.dimension();
        double[][] u = new double[reps][];
        long t0 = System.nanoTime();
        double meanRep = 0;
        for (int r = 0; r < reps; r++) {
            SpectralFit fit = est.empirical(m, Rng.of(100 + r));
            u[r] = lim.coordinates(Mat.scale(Math.sqrt(m), Mat.sub(fit.m(), model.mStar())));
        }
        System.out.println("time per rep ms " + (System.nanoTime() - t0) / 1e6 / reps);
        DMatrixRMaj cov = new DMatrixRMaj(dim, dim);
        for (double[] x : u) for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) cov.add(a, b, x[a] * x[b] / reps);
        System.out.println("Vsim " + cov);
    }
}
