package twostage.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Optional interface of a {@link PretrainingModel} that knows the second moment of its Euclidean score at the truth
 * exactly: C = E[grad l(w*; Z) grad l(w*; Z)^T] (q0 x q0). The engine then takes the Riemannian score covariance as
 * Sigma* = J^T C J, with J the tangent Jacobian of the section, instead of estimating it by Monte Carlo.
 */
public interface ExactScoreCovariance {

    /** E[grad l(w*; Z) grad l(w*; Z)^T] in representative coordinates, q0 x q0. */
    DMatrixRMaj scoreSecondMoment();
}
