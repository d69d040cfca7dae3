package twostage.toy;

import twostage.engine.TrivialGroup;
import twostage.engine.TwoStageProblem;
import twostage.engine.TwoStageProblemContractTest;

class ToyNonRegularCorrelatedContractTest extends TwoStageProblemContractTest<TrivialGroup.Element> {
    @Override
    protected TwoStageProblem<TrivialGroup.Element> problem() {
        return ToyNonRegular.correlated();
    }
}
