package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/** Delegates to a pre-training model, hiding {@link ExactScoreCovariance}. */
class PretrainingView implements PretrainingModel {

    private final PretrainingModel base;

    PretrainingView(PretrainingModel base) {
        this.base = base;
    }

    @Override public int parameterDimension() { return base.parameterDimension(); }
    @Override public double[] truth() { return base.truth(); }
    @Override public double[] sample(Rng rng) { return base.sample(rng); }
    @Override public double loss(double[] w, double[] z) { return base.loss(w, z); }
    @Override public double[] gradient(double[] w, double[] z) { return base.gradient(w, z); }
    @Override public DMatrixRMaj hessian(double[] w, double[] z) { return base.hessian(w, z); }
    @Override public double populationLoss(double[] w) { return base.populationLoss(w); }
    @Override public double[] estimate(int m, Rng rng) { return base.estimate(m, rng); }
}
