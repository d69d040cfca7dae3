package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import twostage.ls.PopulationMoments;
import twostage.random.Rng;

/**
 * The downstream law: X ~ mu_down in R^d, Y = f*(X) + eps with E[eps | X] = 0 and E[eps^2 | X] = sigma^2.
 * Population moments of the representation are exact where the instance allows (Gaussian linear features), or
 * computed on a fixed large evaluation sample with a stated standard error.
 */
public interface DownstreamModel {

    /** d, the input dimension. */
    int inputDimension();

    /** n i.i.d. inputs as an n x d matrix. */
    DMatrixRMaj sampleInputs(int n, Rng rng);

    /** f*(x_i) for the rows of x. */
    double[] target(DMatrixRMaj x);

    /** sigma^2. */
    double noiseVariance();

    /** E[f*(X)^2]. */
    double targetSecondMoment();

    /** E[psi(X, w1) psi(X, w2)^T], p x p. */
    DMatrixRMaj crossMoment(double[] w1, double[] w2);

    /** E[f*(X) psi(X, w)], p x 1. */
    DMatrixRMaj targetMoment(double[] w);

    /** Monte Carlo standard-error scale of the moments above; 0 when they are exact. */
    default double momentStandardError() {
        return 0.0;
    }

    /** Sigma(w), c(w) and E f*^2 together. */
    default PopulationMoments moments(double[] w) {
        return new PopulationMoments(crossMoment(w, w), targetMoment(w), targetSecondMoment(), momentStandardError());
    }
}
