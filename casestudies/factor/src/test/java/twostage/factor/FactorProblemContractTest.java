package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.TwoStageProblem;
import twostage.engine.TwoStageProblemContractTest;
import twostage.random.Rng;

/** The engine's contract for the factor problem (d = 6, k = 2, singular values (3, 0.7)). */
class FactorProblemContractTest extends TwoStageProblemContractTest<DMatrixRMaj> {

    @Override
    protected TwoStageProblem<DMatrixRMaj> problem() {
        return FactorProblem.of(FactorModel.random(6, new double[] {3, 0.7}, 1.0, 0.5, Rng.of(64)));
    }
}
