package twostage.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.Rng;

class SpectralPiecesTest {

    @Test
    void sectionInvertsTheDescriptorNearMStar() {
        Rng rng = Rng.of(11);
        SpectralModel model = SpectralInstances.random(5, 2, false, rng);
        DMatrixRMaj m = SpectralInstances.near(model, 0.05, rng);
        DMatrixRMaj s = model.section().apply(m);
        assertEquals(0, Mat.dist(Mat.multTransA(s, s), m), 1e-10 * Mat.frob(m));
    }

    @Test
    void estimatorRejectsEmptySample() {
        SpectralEstimator est = SpectralEstimator.of(SpectralModel.corollary63(1, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> est.empirical(0, Rng.of(1)));
        assertTrue(e.getMessage().contains("m must be >= 1"));
    }

    @Test
    void projectorDerivativeRejectsMissingGap() {
        DMatrixRMaj b = CommonOps_DDRM.diag(1, 1, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectorDerivative.derivative(b, 1, Mat.identity(3)));
        assertTrue(e.getMessage().contains("eigengap"));
    }

    @Test
    void minimiserToleranceMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> SpectralMinimiser.withTolerance(0, 10));
    }

    @Test
    void derivedDiagonalClosedFormMatchesTheAnalyticLimit() {
        SpectralModel model = SpectralInstances.diagonalExample();
        double[] derived = DiagonalClosedForms.sortedDescending(DiagonalClosedForms.of(model).derivedInteractionWeights());
        double[] analytic = SpectralLimit.of(model).interactionWeights();
        assertEquals(derived.length, analytic.length);
        for (int i = 0; i < derived.length; i++) {
            assertEquals(derived[i], analytic[i], 1e-8 * derived[0]);
        }
    }

    @Test
    void printedH41IsTheSumOfThePrintedH40Weights() {
        DiagonalClosedForms f = DiagonalClosedForms.corollary63(3, 7);
        assertEquals(f.printedQMean(), SpectralLimit.sum(f.printedQWeights()), 1e-9 * f.printedQMean());
    }

    @Test
    void diagonalClosedFormsRejectANonDiagonalModel() {
        SpectralModel model = SpectralInstances.random(4, 2, false, Rng.of(3));
        assertThrows(IllegalArgumentException.class, () -> DiagonalClosedForms.of(model));
    }
}
