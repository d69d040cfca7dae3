package twostage.gmm;

import twostage.check.CheckContext;
import twostage.engine.TwoStageProblem;
import twostage.engine.TwoStageProblemContractTest;

/**
 * The engine contract on a small mixture: K = 3, d = 2, centres (0,0), (4,0), (0,4) (r* = d = 2, so psi has full rank
 * K(d+1) = 9), sigma^2 = 0.25, theta* as in Appendix K. With r* < d the general engine currently throws in
 * LimitLawEngine.activatedSpan (SymmetricEigen.leading(0) when N* != {0} but B_v = {0}); reported to the engine's owner.
 */
class MixtureProblemContractTest extends TwoStageProblemContractTest<int[]> {

    private static final MixtureProblem PROBLEM = MixtureProblem.of(Proposition66Check.smallInstance(), 100_000,
            20_000, CheckContext.defaults().rng("MixtureProblemContractTest", 0));

    @Override
    protected TwoStageProblem<int[]> problem() {
        return PROBLEM;
    }

    @Override
    protected int smokeN() {
        return 2000;
    }

    @Override
    protected int smokeReplications() {
        return 200;
    }
}
