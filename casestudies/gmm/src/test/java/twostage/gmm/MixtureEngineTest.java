package twostage.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import twostage.engine.LimitLaw;
import twostage.engine.LimitLawEngine;
import twostage.random.Rng;

/**
 * The general engine on an Appendix K instance with r* < d, where N* is not {0} but no null direction is activated
 * (B_v = {0}); the engine used to fail there.
 */
class MixtureEngineTest {

    @Test
    void engineHandlesNullDirectionsThatStayInactive() {
        MixtureProblem p = MixtureProblem.of(MixtureInstance.paper(3, 4, 2.0, MixtureInstance.PAPER_SIGMA2), 4000, 4000,
                Rng.of(5));
        LimitLaw law = LimitLawEngine.compute(p, Rng.of(6));
        assertEquals(law.dEff(), law.dAct(), "B0 = {0}: d_act = d_eff");
        assertEquals(3 * (2 + 1), law.dEff(), "d_eff = K (r* + 1) with r* = K - 1 = 2");
        assertTrue(law.interactionMean() > 0 && Double.isFinite(law.interactionMean()));
    }
}
