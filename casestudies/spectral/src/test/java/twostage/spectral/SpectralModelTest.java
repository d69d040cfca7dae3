package twostage.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;

class SpectralModelTest {

    private static DMatrixRMaj diag(double... v) {
        return CommonOps_DDRM.diag(v);
    }

    private static String reject(Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        return e.getMessage();
    }

    @Test
    void rejectsNonPositiveDefiniteSigmaPre() {
        String msg = reject(() -> SpectralModel.of(diag(1, 0, 1), diag(0.5, 0, 0.1), 1, Mat.identity(3),
                new double[] {1}, 1));
        assertTrue(msg.contains("Sigma_pre") && msg.contains("positive definite"), msg);
    }

    @Test
    void rejectsKAtLeastD() {
        String msg = reject(() -> SpectralModel.of(Mat.identity(3), diag(0.9, 0.5, 0.1), 3, Mat.identity(3),
                new double[] {1, 1, 1}, 1));
        assertTrue(msg.contains("k must be < d"), msg);
    }

    @Test
    void rejectsKBelowOne() {
        String msg = reject(() -> SpectralModel.of(Mat.identity(3), diag(0.9, 0.5, 0.1), 0, Mat.identity(3),
                new double[0], 1));
        assertTrue(msg.contains("k must be >= 1"), msg);
    }

    @Test
    void rejectsMissingEigengap() {
        String msg = reject(() -> SpectralModel.of(Mat.identity(3), diag(0.5, 0.5, 0.1), 1, Mat.identity(3),
                new double[] {1}, 1));
        assertTrue(msg.contains("Assumption 6.1"), msg);
    }

    @Test
    void rejectsNonPositiveKthEigenvalue() {
        String msg = reject(() -> SpectralModel.of(Mat.identity(3), diag(0.5, -0.2, -0.3), 2, Mat.identity(3),
                new double[] {1, 1}, 1));
        assertTrue(msg.contains("Assumption 6.1"), msg);
    }

    @Test
    void rejectsUnrealisablePositivePair() {
        String msg = reject(() -> SpectralModel.of(Mat.identity(3), diag(1.5, 0.5, 0.1), 1, Mat.identity(3),
                new double[] {1}, 1));
        assertTrue(msg.contains("Sigma - Sigma+ Sigma^-1 Sigma+ must be PSD"), msg);
    }

    @Test
    void rejectsNaNAndNegativeNoise() {
        assertTrue(reject(() -> SpectralModel.of(Mat.identity(3), diag(Double.NaN, 0.5, 0.1), 1, Mat.identity(3),
                new double[] {1}, 1)).contains("finite"));
        assertTrue(reject(() -> SpectralModel.corollary63(1, 3, -1)).contains("sigma^2"));
    }

    @Test
    void corollary63InstanceHasThePrintedRepresentation() {
        SpectralModel m = SpectralModel.corollary63(2, 4, 1);
        DMatrixRMaj a = m.aStar();
        assertEquals(1, a.get(0, 0), 1e-12);
        assertEquals(1 / Math.sqrt(2), a.get(1, 1), 1e-12);
        assertEquals(0, a.get(0, 2), 1e-12);
        assertEquals(0, Mat.dist(Mat.multTransA(a, a), m.mStar()), 1e-12);
    }
    @Test
    void rejectsANonSymmetricPositivePairCovariance() {
        DMatrixRMaj sp = diag(0.5, 0.2, 0.1);
        sp.set(0, 1, 0.05);
        String msg = reject(() -> SpectralModel.of(Mat.identity(3), sp, 1, Mat.identity(3), new double[] {1}, 1));
        assertTrue(msg.contains("SigmaPlusPre"), msg);
    }

    @Test
    void rejectsANonSymmetricDownstreamCovariance() {
        DMatrixRMaj sd = Mat.identity(3);
        sd.set(0, 1, 0.1);
        String msg = reject(() -> SpectralModel.of(Mat.identity(3), diag(0.5, 0.2, 0.1), 1, sd, new double[] {1}, 1));
        assertTrue(msg.contains("Sigma_down") && msg.contains("symmetric"), msg);
    }

    @Test
    void diagonalModelPlacesTheBlocksInOrder() {
        SpectralModel model = SpectralModel.diagonal(new double[] {1.5}, new double[] {1.2, 0.6, 0.9},
                new double[] {1.2}, new double[] {0.3, 0.25, -0.1}, new double[] {1}, 1.0);
        assertEquals(0, Mat.dist(diag(1.5, 1.2, 0.6, 0.9), model.sigmaPre()), 0);
        assertEquals(0, Mat.dist(diag(1.2, 0.3, 0.25, -0.1), model.sigmaPlusPre()), 0);
    }

    @Test
    void completedSquareFormAndMinimumOfThePopulationLoss() {
        twostage.random.Rng rng = twostage.random.Rng.of(21);
        for (int t = 0; t < 20; t++) {
            int d = 2 + t % 4;
            SpectralModel model = SpectralInstances.random(d, 1 + t % (d - 1), t % 2 == 0, rng);
            DMatrixRMaj m = SpectralLossTest.sym(d, rng);
            double scale = (1 + Math.pow(Mat.frob(m), 2)) * (1 + Math.pow(Mat.frob(model.sigmaPre()), 2));
            assertEquals(model.populationLoss(m), model.populationLossCompleted(m), 1e-11 * scale);
            double[] lam = model.whitenedEigenvalues();
            double ck = 0;
            for (int i = 0; i < model.k(); i++) {
                ck += lam[i] * lam[i];
            }
            assertEquals(-ck, model.populationLoss(model.mStar()), 1e-11 * scale);
            DMatrixRMaj near = SpectralInstances.near(model, 0.1, rng);
            assertTrue(model.populationLoss(near) >= -ck - 1e-11 * scale, "M* minimises (H.2) over M_{d,k}");
        }
    }
}
