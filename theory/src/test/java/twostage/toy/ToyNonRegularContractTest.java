package twostage.toy;

import twostage.engine.TwoStageProblem;
import twostage.engine.TwoStageProblemContractTest;

class ToyNonRegularContractTest extends TwoStageProblemContractTest<twostage.engine.TrivialGroup.Element> {
    @Override
    protected TwoStageProblem<twostage.engine.TrivialGroup.Element> problem() {
        return ToyNonRegular.standard();
    }
}
