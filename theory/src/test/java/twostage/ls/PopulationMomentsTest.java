package twostage.ls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every validation branch of the population moments (each was removable without any test noticing). */
class PopulationMomentsTest {

    private static final DMatrixRMaj SIGMA = new DMatrixRMaj(2, 2, true, 2, 0, 0, 1);
    private static final DMatrixRMaj C = new DMatrixRMaj(2, 1, true, 1, 0);

    private static void rejects(String condition, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(condition), e.getMessage());
    }

    @Test
    void rejectsEachViolatedCondition() {
        rejects("must be square", () -> PopulationMoments.exact(new DMatrixRMaj(2, 3), C, 1));
        rejects("finite", () -> PopulationMoments.exact(new DMatrixRMaj(2, 2, true, 1, 0, 0, Double.NaN), C, 1));
        rejects("must be 2x1", () -> PopulationMoments.exact(SIGMA, new DMatrixRMaj(3, 1), 1));
        rejects("finite", () -> PopulationMoments.exact(SIGMA, new DMatrixRMaj(2, 1, true, 0, Double.NaN), 1));
        rejects(">= 0", () -> PopulationMoments.exact(SIGMA, C, -1));
    }

    @Test
    void exactnessFollowsTheStandardError() {
        assertTrue(PopulationMoments.exact(SIGMA, C, 1).isExact());
        assertFalse(new PopulationMoments(SIGMA, C, 1, 0.01).isExact());
    }
}
