package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * Minimum-norm ordinary least squares on fixed features: theta = Phi^+ y (the least-squares solution of smallest
 * Euclidean norm), fitted values Phi theta, and the predictor f(x) = theta^T phi(x) (paper p. 4 and Lemma C.11).
 */
public final class MinNormOls {

    private final double[] coefficients;
    private final double[] fittedValues;

    private MinNormOls(double[] coefficients, double[] fittedValues) {
        this.coefficients = coefficients;
        this.fittedValues = fittedValues;
    }

    /**
     * @param phi n x p design features (n >= 1, p >= 1, finite)
     * @param y   labels, length n, finite
     * @throws twostage.check.AssumptionViolation if the design's numerical rank is not clear
     *                                            ({@link twostage.linalg.NumericalRank})
     */
    public static MinNormOls fit(DMatrixRMaj phi, double[] y) {
        requireDesign(phi);
        if (y.length != phi.numRows) {
            throw new IllegalArgumentException("labels (" + y.length + ") must match design rows (" + phi.numRows + ")");
        }
        Checks.requireFinite("labels y", y);
        DMatrixRMaj theta = Mat.mult(PseudoInverse.ofDecidedRank(phi, "design Phi").pinv(), Mat.col(y));
        return new MinNormOls(theta.getData().clone(), Mat.mult(phi, theta).getData().clone());
    }

    static void requireDesign(DMatrixRMaj phi) {
        if (phi.numRows < 1 || phi.numCols < 1) {
            throw new IllegalArgumentException("design must be n x p with n, p >= 1, got " + phi.numRows + "x"
                    + phi.numCols);
        }
        Checks.requireFinite("design features Phi", phi);
    }

    /** theta = Phi^+ y (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Phi theta (a copy). */
    public double[] fittedValues() {
        return fittedValues.clone();
    }

    /** f(x) = theta^T phi(x). */
    public double predict(double[] features) {
        if (features.length != coefficients.length) {
            throw new IllegalArgumentException("features must have length p=" + coefficients.length + ", got "
                    + features.length);
        }
        double s = 0;
        for (int j = 0; j < features.length; j++) {
            s += coefficients[j] * features[j];
        }
        return s;
    }

    /** Predictions at the rows of an m x p feature matrix. */
    public double[] predict(DMatrixRMaj features) {
        Checks.requireShape("features to predict at", features, features.numRows, coefficients.length);
        return Mat.mult(features, Mat.col(coefficients)).getData().clone();
    }
}
