package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.TwoStageProblem;
import twostage.engine.TwoStageProblemContractTest;

/** The engine contract for the Corollary 6.3 instance with k = 2, d = 4. */
class SpectralProblemContractTest extends TwoStageProblemContractTest<DMatrixRMaj> {

    private static final SpectralProblem PROBLEM = SpectralProblem.of(SpectralModel.corollary63(2, 4, 1.0), "SPEC-cor63-k2-d4");

    @Override
    protected TwoStageProblem<DMatrixRMaj> problem() {
        return PROBLEM;
    }

    @Override
    protected int smokeN() {
        return 2000;
    }

    @Override
    protected int smokeReplications() {
        return 300;
    }
}
