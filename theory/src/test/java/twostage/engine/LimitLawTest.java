package twostage.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.chisq.ShiftedWeightedChiSquare;
import twostage.chisq.WeightedChiSquare;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * The limit law of Theorem 5.1 as a value, sigma^2 d_act + ||L(Z)||^2 / alpha, on a hand-built instance whose
 * numbers are all known: Gamma V = diag(2, 1) (so E||L(Z)||^2 = 3), sigma^2 = 0.5, d_act = 4, d_eff = 3, d_base = 5.
 */
class LimitLawTest {

    private static LimitLaw handBuilt() {
        DMatrixRMaj gram = CommonOps_DDRM.diag(2, 1);
        DMatrixRMaj v = Mat.identity(2);
        double[] w = {2, 1};
        return new LimitLaw("hand-built", 2, null, null, null, 0, v, gram, gram, new double[2], 3, 4, 4, 5, 5, 0,
                0.5, w, WeightedChiSquare.of(w));
    }

    @Test
    void fullLawIsTheShiftedAndScaledInteraction() {
        LimitLaw law = handBuilt();
        assertEquals(3, law.interactionMean(), 1e-15);
        assertEquals(2 * (4 + 1), law.interactionVariance(), 1e-15);
        assertEquals(2.0, law.ols(), 0);
        ShiftedWeightedChiSquare y = law.law(2);
        assertEquals(2.0 + 3 / 2.0, y.mean(), 1e-14);
        assertEquals(law.mean(2), y.mean(), 1e-14);
        for (double x : new double[] {2.1, 3, 5}) {
            assertEquals(law.cdf(x, 2), y.cdf(x), 1e-15, "cdf at " + x);
        }
        double draw = law.sample(Rng.of(3), 2);
        assertEquals(2.0 + WeightedChiSquare.of(new double[] {2, 1}).sample(Rng.of(3)) / 2, draw, 1e-14);
    }

    @Test
    void crossoverDividesByTheDimensionGapTimesSigmaSquared() {
        // alpha0 = E||L(Z)||^2 / (sigma^2 (d_base - d_eff)) = 3 / (0.5 * 2)
        assertEquals(3.0, handBuilt().crossover().getAsDouble(), 1e-15);
    }

    @Test
    void euclideanLogIsTheDifference() {
        EuclideanDescriptor e = new EuclideanDescriptor(2);
        assertArrayEquals(new double[] {2, -3}, e.log(new double[] {1, 4}, new double[] {3, 1}), 0);
        assertArrayEquals(new double[] {3, 1}, e.retract(new double[] {1, 4}, new double[] {2, -3}), 0);
    }

    @Test
    void interactionWeightsDropRoundingAndRejectNegativeForms() {
        // eigenvalues of V^1/2 Gamma V^1/2 below 1e-6 of the largest are rounding and set to 0
        double[] w = LimitLawEngine.weights(Mat.identity(2), CommonOps_DDRM.diag(100, 1e-5));
        assertArrayEquals(new double[] {100, 0}, w, 1e-12);
        double[] kept = LimitLawEngine.weights(Mat.identity(2), CommonOps_DDRM.diag(100, 1e-3));
        assertArrayEquals(new double[] {100, 1e-3}, kept, 1e-12);
        assertThrows(IllegalStateException.class,
                () -> LimitLawEngine.weights(Mat.identity(2), CommonOps_DDRM.diag(1, -0.5)));
    }
}
