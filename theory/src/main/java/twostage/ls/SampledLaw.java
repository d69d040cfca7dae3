package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * A downstream law with continuous inputs that can be sampled: designs and fresh test points are drawn from it, so the
 * test-point integral can also be estimated by Monte Carlo, independently of the closed-form moments.
 */
public interface SampledLaw extends FeatureLaw {

    /** n i.i.d. inputs, n x d. */
    DMatrixRMaj sampleInputs(int n, Rng rng);

    /** The n x p features of the rows of x. */
    DMatrixRMaj features(DMatrixRMaj x);

    /** f*(x_i) for the rows of x. */
    double[] target(DMatrixRMaj x);

    /** Covariance of the centred inputs, d x d. */
    DMatrixRMaj inputCovariance();
}
