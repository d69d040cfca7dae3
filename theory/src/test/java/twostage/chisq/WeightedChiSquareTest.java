package twostage.chisq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightedChiSquareTest {

    @Test
    void twoEqualWeightsGiveAnExponential() {
        ContourInversion ci = new ContourInversion(new double[] {1.5, 1.5}, new int[] {1, 1}, new double[2]);
        for (double x : new double[] {0.01, 1, 10, 100, 1000}) {
            double exact = Math.exp(-x / 3);
            assertEquals(exact, ci.survival(x), 1e-13 * exact, "x=" + x);
        }
    }

    @Test
    void rejectsNegativeWeights() {
        assertThrows(IllegalArgumentException.class, () -> WeightedChiSquare.of(new double[] {1, -1}));
    }
}
