package twostage.residual;

import org.ejml.data.DMatrixRMaj;

/**
 * The coordinate feature map near Omega* in normal coordinates: v in T_{Omega*}M = R^k maps to the feature operator
 * T_{exp(v)}: R^p -> L^2(mu_down), given as a D x p matrix in the coordinates of a {@link FunctionSpace}, together
 * with its derivative DT*[v] at v = 0 (Lemma G.5: (DT*[v] theta)(x) = theta^T D_Omega phi(x, Omega*)[v]).
 *
 * <p>All instances of this package use a flat chart (M an open subset of R^k with the Euclidean metric), where
 * exp(v) = Omega* + v exactly.
 */
public interface FeatureCurve {

    /** The L^2 space the features live in. */
    FunctionSpace space();

    /** p. */
    int featureDimension();

    /** k = dim T_{Omega*} M. */
    int tangentDimension();

    /** T_{exp(v)} as a D x p matrix. */
    DMatrixRMaj features(double[] v);

    /** DT*[v] as a D x p matrix (linear in v). */
    DMatrixRMaj derivative(double[] v);

    /** A short name for the ledger. */
    String name();

    /** T* = T_{Omega*}. */
    default DMatrixRMaj featuresAtTruth() {
        return features(new double[tangentDimension()]);
    }

    /** Sigma(exp(v)) = T^adj T. */
    default DMatrixRMaj covariance(double[] v) {
        DMatrixRMaj f = features(v);
        return space().gram(f, f);
    }
}
