package twostage.ls;

/**
 * A downstream law mu_down together with a feature map phi and a target f*: everything the conditional risk of
 * min-norm OLS needs about the test point. Implementations compute the test-point integrals directly (a finite sum
 * for G-LIN, the Gaussian closed form for G-GAUSS), independently of the second-moment route of
 * {@link RiskDecomposition}.
 */
public interface FeatureLaw {

    /** Feature dimension p. */
    int featureDimension();

    /** Sigma = E[phi phi^T], c = E[f* phi], E f*^2. */
    PopulationMoments moments();

    /** E_X[(f*(X) - theta^T phi(X))^2], the squared L2 distance from f* to T theta. */
    double meanSquaredError(double[] theta);

    /** E_X[(a^T phi(X))^2] = ||T a||^2 in L2. */
    double meanSquare(double[] a);
}
