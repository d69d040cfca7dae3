package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * Pre-training as an M-estimation problem in representative coordinates w in R^{q0}: a per-sample loss
 * l(w; z) with gradient and Hessian, a sampler of z ~ mu_pre, the population loss L(w) = E l(w; Z), and the
 * estimator w_m = argmin (1/m) sum l(w; z_j).
 */
public interface PretrainingModel {

    /** q0, the dimension of w. */
    int parameterDimension();

    /** A representative w* of the population minimiser's orbit (the section's value at Omega*). */
    double[] truth();

    /** One draw z ~ mu_pre. */
    double[] sample(Rng rng);

    /** l(w; z). */
    double loss(double[] w, double[] z);

    /** The Euclidean gradient of l(.; z) at w. */
    double[] gradient(double[] w, double[] z);

    /** The Euclidean Hessian of l(.; z) at w (q0 x q0). */
    DMatrixRMaj hessian(double[] w, double[] z);

    /** L(w) = E l(w; Z), exact. */
    double populationLoss(double[] w);

    /**
     * The estimator from a fresh pre-training sample of size m. An instance may use an exact sampling shortcut for the
     * sufficient statistic (e.g. a Wishart draw for a sample covariance); it must say so in its Javadoc.
     */
    double[] estimate(int m, Rng rng);
}
