package twostage.linalg;

import static org.ejml.dense.row.CommonOps_DDRM.diag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.check.AssumptionViolation;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

class NumericalRankTest {

    @Test
    void countsTheValuesAboveTheCutWhenTheGapIsClear() {
        assertEquals(2, NumericalRank.of(new double[] {3, 1, 1e-17, 0}, 1e-10, "v"));
        assertEquals(4, NumericalRank.of(new double[] {3, 1, 1e-4, 1e-5}, 1e-10, "v"));
        assertEquals(0, NumericalRank.of(new double[] {0, 0}, 1e-10, "v"));
        assertEquals(0, NumericalRank.of(new double[0], 1e-10, "v"));
        // a slightly negative round-off eigenvalue of a PSD matrix is a clear zero
        assertEquals(1, NumericalRank.of(new double[] {2, -1e-16}, 1e-10, "v"));
    }

    @Test
    void aValueNearTheCutOnEitherSideIsAnAssumptionViolationNamingIt() {
        for (double v : new double[] {9e-7, 5e-9, 1e-10, 2e-11, 1.1e-12}) {
            AssumptionViolation e = assertThrows(AssumptionViolation.class,
                    () -> NumericalRank.of(new double[] {1, 0.5, v}, 1e-10, "design Phi"));
            assertEquals(NumericalRank.CONDITION, e.assumption());
            assertTrue(e.getMessage().contains("design Phi") && e.getMessage().contains(Double.toString(v)),
                    e.getMessage());
        }
        // just outside the band on both sides
        assertEquals(3, NumericalRank.of(new double[] {1, 0.5, 1.01e-6}, 1e-10, "v"));
        assertEquals(2, NumericalRank.of(new double[] {1, 0.5, 0.99e-12}, 1e-10, "v"));
    }

    @Test
    void rejectsBadInputNamingTheCondition() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> NumericalRank.of(new double[] {1, 2}, 1e-10, "v"));
        assertTrue(a.getMessage().contains("decreasing"));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> NumericalRank.of(new double[] {1, Double.NaN}, 1e-10, "v"));
        assertTrue(b.getMessage().contains("finite"), b.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> NumericalRank.of(new double[] {1}, 0, "v"));
        assertTrue(c.getMessage().contains("(0, 1)"));
    }

    @Test
    void pseudoInverseWithADecidedRankAcceptsExactDeficiencyAndRejectsAnAmbiguousDesign() {
        Rng rng = Rng.of(11);
        DMatrixRMaj u = RandomMatrices.orthonormalColumns(8, 3, rng);
        DMatrixRMaj v = RandomMatrices.orthonormalColumns(5, 3, rng);
        // exact rank 2: the third singular value is zero up to round-off
        DMatrixRMaj deficient = Mat.mult(u, diag(new double[] {4, 2, 0}), Mat.transpose(v));
        assertEquals(2, PseudoInverse.ofDecidedRank(deficient, "design").rank());
        // third singular value 4e-10 relative: the rank cut 1e-10 would decide 3, a cut of 1e-9 would decide 2
        DMatrixRMaj ambiguous = Mat.mult(u, diag(new double[] {4, 2, 1.6e-9}), Mat.transpose(v));
        assertEquals(3, PseudoInverse.of(ambiguous).rank());
        AssumptionViolation e = assertThrows(AssumptionViolation.class,
                () -> PseudoInverse.ofDecidedRank(ambiguous, "design"));
        assertTrue(e.getMessage().contains("design"), e.getMessage());
    }
}
