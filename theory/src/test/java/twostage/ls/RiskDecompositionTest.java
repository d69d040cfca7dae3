package twostage.ls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * CF1 on a one-feature design worked by hand, and the guard against negative squared norms (inconsistent moments),
 * including the position of its rounding allowance 1e-8 max(1, E f*^2).
 */
class RiskDecompositionTest {

    private static final DMatrixRMaj PHI = new DMatrixRMaj(2, 1, true, 1, 2);
    private static final double[] F = {1, 1};

    private static PopulationMoments moments(double sigma, double c, double ef2) {
        return PopulationMoments.exact(new DMatrixRMaj(1, 1, true, sigma), new DMatrixRMaj(1, 1, true, c), ef2);
    }

    @Test
    void partsOfAOneFeatureDesignByHand() {
        // Sigma = 2, c = 1, E f*^2 = 1; Sigma_n = (1 + 4) / 2 = 2.5, c_n = (1 + 2) / 2 = 1.5
        // Rep = 1 - 1 / 2 = 0.5; delta = 1.5 / 2.5 - 1 / 2 = 0.1, Leak = 2 * 0.01; Var = 0.5 / 2 * 2 / 2.5 = 0.2
        RiskParts parts = RiskDecomposition.of(moments(2, 1, 1), PHI, F, 0.5);
        assertEquals(0.5, parts.rep(), 1e-15);
        assertEquals(0.02, parts.leak(), 1e-15);
        assertEquals(0.2, parts.var(), 1e-15);
        assertEquals(0, RiskDecomposition.of(moments(2, 1, 1), PHI, F, 0).var(), 0.0, "sigma^2 = 0: no variance");
    }

    @Test
    void rejectsEachViolatedCondition() {
        // a NaN label would otherwise flow into Leak_n as a silent NaN
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RiskDecomposition.of(moments(2, 1, 1), PHI, new double[] {1, Double.NaN}, 0));
        assertTrue(nan.getMessage().contains("f* values"), nan.getMessage());
        IllegalArgumentException phi = assertThrows(IllegalArgumentException.class, () -> RiskDecomposition.of(
                moments(2, 1, 1), new DMatrixRMaj(2, 1, true, Double.POSITIVE_INFINITY, 1), F, 0));
        assertTrue(phi.getMessage().contains("design features"), phi.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RiskDecomposition.of(moments(2, 1, 1), PHI, new double[3], 0));
        assertThrows(IllegalArgumentException.class,
                () -> RiskDecomposition.of(moments(2, 1, 1), new DMatrixRMaj(0, 1), new double[0], 0));
        assertThrows(IllegalArgumentException.class, () -> RiskDecomposition.of(moments(2, 1, 1), PHI, F, -0.1));
    }

    @Test
    void negativeSquaredNormsAreRejectedBeyondRounding() {
        // c^T Sigma^+ c = 0.5 > E f*^2 = 0.1: Rep = -0.4 is not a squared norm
        assertThrows(IllegalStateException.class, () -> RiskDecomposition.of(moments(2, 1, 0.1), PHI, F, 0));
        // Sigma = -2 (not PSD): Leak = -2 * 1.1^2 < 0 while Rep > 0
        assertThrows(IllegalStateException.class, () -> RiskDecomposition.of(moments(-2, 1, 1), PHI, F, 0));
        // Rep = -5e-9 is within the rounding allowance 1e-8 and is reported as 0
        RiskParts rounded = RiskDecomposition.of(moments(2, 1, 0.5 - 5e-9), PHI, F, 0);
        assertEquals(0, rounded.rep(), 0.0);
        // the allowance scales with E f*^2: Rep = -5e-7 passes when E f*^2 = 100 (allowance 1e-6) ...
        double c = Math.sqrt(2 * (100 + 5e-7));
        assertEquals(0, RiskDecomposition.of(moments(2, c, 100), PHI, F, 0).rep(), 0.0);
        // ... but -2e-6 does not
        double c2 = Math.sqrt(2 * (100 + 2e-6));
        assertThrows(IllegalStateException.class, () -> RiskDecomposition.of(moments(2, c2, 100), PHI, F, 0));
    }
}
