package twostage.engine;

import org.ejml.data.DMatrixRMaj;

/** The representation psi(x, w) in R^p used by fine-tuning. */
public interface Representation {

    /** p. */
    int featureDimension();

    /** The n x p matrix with rows psi(x_i, w)^T for the rows x_i of {@code x} (n x d). */
    DMatrixRMaj features(double[] w, DMatrixRMaj x);
}
