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
}
