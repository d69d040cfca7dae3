package twostage.gmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.random.Rng;

/**
 * The evaluation-sample error model used by the Figure 3 checks: {@link TwoStageReplication#varianceTermSpread}
 * divided by sqrt(N_eval) predicts the standard deviation, across independent evaluation samples, of the scaled
 * variance term n Var computed for one fixed design and fixed features.
 */
class EvaluationErrorTest {

    private static final int N_EVAL = 2000;
    private static final int SAMPLES = 200;

    @Test
    void predictedSpreadMatchesTheSpreadAcrossEvaluationSamples() {
        MixtureInstance inst = MixtureInstance.paper(3, 6, 2.0, MixtureInstance.PAPER_SIGMA2);
        FeatureMap psi = inst.featuresAtTruth();
        int n = 4000;
        DMatrixRMaj design = inst.model().sample(n, Rng.of(11));
        EmEstimator em = EmEstimator.of(3, 6, 1e-6, 10, 0);
        double s1 = 0;
        double s2 = 0;
        double predicted = 0;
        for (int j = 0; j < SAMPLES; j++) {
            TwoStageReplication rep = TwoStageReplication.of(inst, N_EVAL, em, Rng.of(1000 + j));
            double v = rep.risk(psi, design, n, 0).variance();
            s1 += v;
            s2 += v * v;
            predicted += rep.varianceTermSpread(psi) / Math.sqrt(N_EVAL) / SAMPLES;
        }
        double mean = s1 / SAMPLES;
        double observed = Math.sqrt((s2 / SAMPLES - mean * mean) * SAMPLES / (SAMPLES - 1.0));
        // the sample sd of 200 near-Gaussian values has relative SE 1/sqrt(400) = 0.05; the band is 4.75 of those
        // plus the O(sqrt(p/n)) gap between n (Phi^T Phi)^-1 and Sigma^-1 (p = 9, n = 4000: about 0.05)
        double ratio = observed / predicted;
        assertTrue(Math.abs(ratio - 1) < 0.29, "observed sd " + observed + " vs predicted " + predicted);
        // planted error: forgetting the factor sigma^2 (= 0.25) in the spread is caught
        double planted = observed / (predicted / MixtureInstance.PAPER_SIGMA2);
        assertTrue(Math.abs(planted - 1) >= 0.29, "planted error not caught: ratio " + planted);
    }
}
