package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.random.Rng;

/**
 * A problem identical to another except for its stated Hessian H*: used to plant an error (e.g. the Euclidean
 * Hessian in place of the Riemannian one) and show that validators and limit-law comparisons catch it.
 */
public record ReplacedHessian(MEstimationProblem base, DMatrixRMaj replacement, String label)
        implements MEstimationProblem {

    @Override public String describe() { return base.describe() + " with " + label; }
    @Override public DescriptorManifold manifold() { return base.manifold(); }
    @Override public double[] truth() { return base.truth(); }
    @Override public double[] sample(Rng rng) { return base.sample(rng); }
    @Override public double loss(double[] omega, double[] z) { return base.loss(omega, z); }
    @Override public double[] score(double[] omega, double[] z) { return base.score(omega, z); }
    @Override public double populationLoss(double[] omega) { return base.populationLoss(omega); }
    @Override public DMatrixRMaj hessian() { return replacement.copy(); }
    @Override public DMatrixRMaj scoreCovariance() { return base.scoreCovariance(); }
    @Override public double[] estimate(int m, Rng rng) { return base.estimate(m, rng); }
}
