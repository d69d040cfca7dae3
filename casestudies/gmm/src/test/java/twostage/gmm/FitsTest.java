package twostage.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** R^2 of the descriptive trend fits used by the Figure 2 checks, against values computed by hand. */
class FitsTest {

    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {1, 3, 2, 5};

    @Test
    void straightLineRSquaredIsTheSquaredCorrelation() {
        // Sxy = 5.5, Sxx = 5, Syy = 8.75: R^2 = 5.5^2 / (5 * 8.75)
        assertEquals(30.25 / 43.75, Fits.rSquared(X, Y, x -> new double[] {1, x}, false), 1e-14);
    }

    @Test
    void exactModelsHaveRSquaredOne() {
        double[] quad = new double[X.length];
        double[] power = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            quad[i] = 2 - X[i] + 0.5 * X[i] * X[i];
            power[i] = 3 * Math.pow(X[i], 2.5);
        }
        assertEquals(1, Fits.rSquared(X, quad, x -> new double[] {1, x, x * x}, false), 1e-12);
        assertEquals(1, Fits.rSquared(X, power, x -> new double[] {1, Math.log(x)}, true), 1e-12);
    }

    @Test
    void logResponseFitsTheLogarithms() {
        double[] expY = new double[Y.length];
        for (int i = 0; i < Y.length; i++) {
            expY[i] = Math.exp(Y[i]);
        }
        assertEquals(30.25 / 43.75, Fits.rSquared(X, expY, x -> new double[] {1, x}, true), 1e-13);
    }
}
