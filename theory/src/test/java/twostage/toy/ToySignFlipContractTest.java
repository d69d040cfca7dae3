package twostage.toy;

import twostage.engine.TwoStageProblem;
import twostage.engine.TwoStageProblemContractTest;

class ToySignFlipContractTest extends TwoStageProblemContractTest<ToySignFlip.Sign> {
    @Override
    protected TwoStageProblem<ToySignFlip.Sign> problem() {
        return ToySignFlip.standard();
    }
}
