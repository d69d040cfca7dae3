package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;

/**
 * Population second moments of a feature map phi under the downstream law, all that the exact conditional risk
 * (Proposition B.1) needs: Sigma = E[phi phi^T] (p x p), c = E[f*(X) phi(X)] (p x 1) and E[f*(X)^2].
 *
 * @param sigma               E[phi phi^T]
 * @param c                   E[f* phi]
 * @param targetSecondMoment  E[f*^2]
 * @param standardError       Monte Carlo standard error scale of the entries (0 when exact)
 */
public record PopulationMoments(DMatrixRMaj sigma, DMatrixRMaj c, double targetSecondMoment, double standardError) {

    public PopulationMoments {
        Checks.requireSquare("Sigma = E[phi phi^T]", sigma);
        Checks.requireFinite("Sigma = E[phi phi^T]", sigma);
        Checks.requireShape("c = E[f* phi]", c, sigma.numRows, 1);
        Checks.requireFinite("c = E[f* phi]", c);
        Checks.requireNonNegative("E[f*^2]", targetSecondMoment);
    }

    public static PopulationMoments exact(DMatrixRMaj sigma, DMatrixRMaj c, double targetSecondMoment) {
        return new PopulationMoments(sigma, c, targetSecondMoment, 0.0);
    }

    public int featureDimension() {
        return sigma.numRows;
    }

    public boolean isExact() {
        return standardError == 0.0;
    }
}
