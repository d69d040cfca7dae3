package twostage.ls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The tolerance rule of the exact least-squares checks, pinned to its formula 1e-12 (n + p) max(1, kappa)^2: a check
 * whose tolerance silently grew (a dropped square, a factor of n + p turned into a division) would still pass, so the
 * rule is tested on its own.
 */
class ToleranceTest {

    private static DMatrixRMaj diag(int rows, double... d) {
        DMatrixRMaj a = new DMatrixRMaj(rows, d.length);
        for (int i = 0; i < d.length; i++) {
            a.set(i, i, d[i]);
        }
        return a;
    }

    @Test
    void conditionOnRangeIgnoresSingularValuesAtOrBelowTheRankCut() {
        assertEquals(2, Tolerance.conditionOnRange(diag(3, 4, 2)), 1e-13);
        assertEquals(2, Tolerance.conditionOnRange(diag(3, 4, 2, 1e-12)), 1e-13, "1e-12 < cut 4e-10 is dropped");
        assertEquals(2, Tolerance.conditionOnRange(diag(3, 4, 2, 4e-10)), 1e-13, "a value at the cut is dropped");
        assertEquals(4 / 5e-10, Tolerance.conditionOnRange(diag(3, 4, 2, 5e-10)), 1e-3, "above the cut is kept");
        assertEquals(1, Tolerance.conditionOnRange(new DMatrixRMaj(2, 2)), 0.0, "zero matrix: kappa = 1");
        assertEquals(1, Tolerance.conditionOnRange(diag(2, 3, 3)), 1e-13);
    }

    @Test
    void ruleIsUnitTimesTermsTimesKappaSquared() {
        assertEquals(1e-12, Tolerance.UNIT, 0.0);
        assertEquals(1e-12 * 7 * 9, Tolerance.of(7, 3), 1e-25);
        assertEquals(1e-12 * 7, Tolerance.of(7, 0.5), 1e-25, "kappa below 1 counts as 1");
        assertEquals(1e-12 * 7, Tolerance.of(7, 1), 1e-25);
        // a 3 x 2 design with singular values 4, 2: n + p = 5, kappa = 2
        DMatrixRMaj phi = diag(3, 4, 2);
        assertEquals(1e-12 * 5 * 4, Tolerance.forDesign(phi), 1e-25);
        // the moments enter through sqrt(cond(Sigma)): cond 9 -> 3 > 2, cond 1 -> kappa(Phi) = 2 wins
        assertEquals(1e-12 * 5 * 9, Tolerance.forDesignAndMoments(phi, diag(2, 9, 1)), 1e-25);
        assertEquals(1e-12 * 5 * 4, Tolerance.forDesignAndMoments(phi, diag(2, 1, 1)), 1e-25);
    }
}
