package twostage.gmm;

import twostage.stats.LogLogSlope;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Lemma J.2 (p. 104): U -> Sigma(U) = E[psi_U psi_U^T] is continuous at U* in operator norm. With common random
 * numbers (one fixed sample of X), ||Sigma(U* + tV) - Sigma(U*)||_op for t = 1e-1, 1e-2, 1e-3 must decrease linearly:
 * fitted log-log slope in [0.8, 1.2] (psi is C^1 in U, so the difference is O(t)). Negative control: a map with a jump
 * (Sigma(U) + 0.01 I for U != U*) gives slope ~0 and is caught. Full (6.4) coordinates, U* = 2 I_{4,d}.
 */
public final class LemmaJ2Check extends GmmCheck {

    @Override public String claimId() { return "Lemma J.2"; }
    @Override public String name() { return "Operator-norm continuity of Sigma(U) at U*: linear decrease with common random numbers"; }
    @Override public String statement() {
        return "If the feature moments of order 4+delta are locally bounded, U -> Sigma(U) is continuous at U* in operator norm.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int d = ctx.scale().pick(8, 20);
        MixtureInstance inst = MixtureInstance.paper(4, d, 2.0, MixtureInstance.PAPER_SIGMA2);
        Rng rng = ctx.rng(claimId(), 0);
        DMatrixRMaj x = inst.model().sample(ctx.scale().pick(20_000, 100_000), rng);
        DMatrixRMaj s0 = FeatureMoments.covariance(inst, inst.model().centres(), x);
        double[] ts = {1e-1, 1e-2, 1e-3};
        double worst = 0, planted = 0;
        StringBuilder note = new StringBuilder();
        for (int dir = 0; dir < 3; dir++) {
            double[] v = gaussianDirection(inst.model().parameterDimension(), rng);
            double[] diff = new double[ts.length];
            double[] jump = new double[ts.length];
            for (int i = 0; i < ts.length; i++) {
                DMatrixRMaj st = FeatureMoments.covariance(inst, Slopes.axpy(inst.model().centres(), ts[i], v), x);
                diff[i] = Mat.opNorm(Mat.sub(st, s0));
                jump[i] = Mat.opNorm(Mat.sub(Mat.add(st, Mat.scale(0.01, Mat.identity(st.numRows))), s0));
            }
            double s = LogLogSlope.fitAll(ts, t -> diff[idx(ts, t)]);
            double sp = LogLogSlope.fitAll(ts, t -> jump[idx(ts, t)]);
            worst = Math.max(worst, Math.abs(s - 1));
            planted = Math.max(planted, Math.abs(sp - 1));
            note.append(String.format(java.util.Locale.ROOT, "dir %d: %.3g, %.3g, %.3g; ", dir, diff[0], diff[1], diff[2]));
        }
        res.add(Evidence.atMost("max |log-log slope of ||Sigma(U*+tV) - Sigma(U*)||_op - 1|", Role.CLAIM, worst, 0.2,
                "3 random unit directions; " + note));
        res.add(Evidence.plantedErrorCaught("Sigma with a jump of 0.01 I off U*",
                Evidence.atMost("max |slope - 1| for the planted map", Role.CONTROL, planted, 0.2, "")));
        return res.build();
    }

    private static int idx(double[] ts, double t) {
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] == t) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
