package twostage.quotient;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.testing.Property;

/** Unit and property tests of the linear O(k) model, the H.1 reference section and the eigen-section derivative. */
class QuotientToolkitTest {

    @Test
    void modelRejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new LinearOrthogonalModel(2, 3));
        assertThrows(IllegalArgumentException.class, () -> new LinearOrthogonalModel(3, 0));
        LinearOrthogonalModel m = new LinearOrthogonalModel(4, 2);
        assertThrows(IllegalArgumentException.class, () -> m.features(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 1)));
        assertThrows(IllegalArgumentException.class, () -> m.act(Mat.identity(3), new DMatrixRMaj(2, 4)));
    }

    @Test
    void referenceSectionIsALift() {
        LinearOrthogonalModel model = new LinearOrthogonalModel(5, 3);
        Property.forAll("H.1 section lifts M", model::randomRepresentative, a -> {
            DMatrixRMaj m = model.descriptor(a);
            DMatrixRMaj s = ReferenceSection.at(m, 3).section(m);
            assertTrue(Mat.dist(Mat.multTransA(s, s), m) < 1e-10 * Mat.frob(m));
        });
    }

    @Test
    void referenceSectionRejectsBadFramesAndFarPoints() {
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSection(Mat.scale(2, Mat.identity(3))));
        DMatrixRMaj u = new DMatrixRMaj(new double[][] {{1}, {0}, {0}});
        DMatrixRMaj far = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSection(u).section(far));
    }

    @Test
    void eigenSectionDerivativeNeedsDistinctEigenvalues() {
        DMatrixRMaj m = Mat.identity(3);
        m.set(2, 2, 0);
        DMatrixRMaj h = Mat.identity(3);
        assertThrows(IllegalArgumentException.class, () -> EigenSectionDerivative.of(m, h, 2, true));
        assertThrows(IllegalArgumentException.class,
                () -> EigenSectionDerivative.of(Mat.identity(3), RandomMatrices.gaussian(3, 3, Rng.of(2)), 2, true));
    }
}
