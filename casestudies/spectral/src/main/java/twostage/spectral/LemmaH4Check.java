package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma H.4 (p. 74): for Sigma_down &gt; 0 and M near M*, Sigma(M) = s(M) Sigma_down s(M)^T has rank k, its smallest
 * eigenvalue is bounded below and d_eff(M) = tr(Sigma(M) Sigma(M)^+) = k. On random instances, random Sigma_down and
 * random M near M*: lambda_min(Sigma(M)) &gt; 0 (reported with its minimum), tr(Sigma Sigma^+) = k (1e-10), and a
 * section change s -&gt; Q s (Q Haar in O(k)) leaves the eigenvalues of Sigma(M) unchanged (1e-10 relative).
 * Negative control: a rank-deficient representative (one row of s(M) zeroed) gives tr(Sigma Sigma^+) = k - 1.
 */
public final class LemmaH4Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.4"; }
    @Override public String name() { return "rank k, eigenvalue floor and d_eff = k of Sigma(M) near M*"; }
    @Override public String statement() {
        return "If Sigma_down > 0, then on a neighbourhood of M*: rank Sigma(M) = k, lambda_k(Sigma(M)) >= kappa > 0, "
                + "||Sigma(M)|| <= K, and d_eff(M) = tr(Sigma(M) Sigma(M)^+) = k.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        double minEig = Double.POSITIVE_INFINITY;
        double maxOp = 0;
        double worstTrace = 0;
        double worstInv = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(3, 6);
            int k = rng.nextInt(2, d - 1);
            SpectralModel model = SpectralInstances.random(d, k, false, rng);
            DMatrixRMaj sd = RandomMatrices.spd(d, 1 + 9 * rng.nextDouble(), rng);
            DMatrixRMaj m = SpectralInstances.near(model, 0.05 * Mat.frob(model.mStar()), rng);
            DMatrixRMaj s = model.section().apply(m);
            DMatrixRMaj sig = Mat.mult(s, Mat.multTransB(sd, s));
            SpectralModel.symmetrise(sig);
            double[] ev = SymmetricEigen.of(sig).values();
            minEig = Math.min(minEig, ev[k - 1] / ev[0]);
            maxOp = Math.max(maxOp, ev[0]);
            worstTrace = Math.max(worstTrace, Math.abs(Mat.trace(Mat.mult(sig, PseudoInverse.pinv(sig))) - k));
            DMatrixRMaj qs = Mat.mult(RandomMatrices.haarOrthogonal(k, rng), s);
            DMatrixRMaj sig2 = Mat.mult(qs, Mat.multTransB(sd, qs));
            SpectralModel.symmetrise(sig2);
            double[] ev2 = SymmetricEigen.of(sig2).values();
            for (int i = 0; i < k; i++) {
                worstInv = Math.max(worstInv, Math.abs(ev[i] - ev2[i]) / ev[0]);
            }
            DMatrixRMaj sBad = s.copy();
            for (int j = 0; j < d; j++) {
                sBad.set(k - 1, j, 0);
            }
            DMatrixRMaj sigBad = Mat.mult(sBad, Mat.multTransB(sd, sBad));
            plantedMin = Math.min(plantedMin, Math.abs(Mat.trace(Mat.mult(sigBad, PseudoInverse.pinv(sigBad))) - k));
        }
        String note = tries + " instances, d in [3,6], k in [2, d-1], random Sigma_down with cond <= 10, M within 5% of M*";
        res.add(Evidence.atLeast("min over instances of lambda_k(Sigma(M)) / lambda_1(Sigma(M))", Role.CLAIM, minEig, 1e-8, note));
        res.add(Evidence.info("max ||Sigma(M)||_op", maxOp, note));
        res.add(Evidence.atMost("max |tr(Sigma(M) Sigma(M)^+) - k|", Role.CLAIM, worstTrace, 1e-10, note));
        res.add(Evidence.atMost("max relative change of eig Sigma(M) under s -> Q s", Role.CLAIM, worstInv, 1e-10, note));
        res.add(Evidence.plantedErrorCaught("one row of s(M) zeroed (rank k - 1)",
                Evidence.atMost("min |tr(Sigma Sigma^+) - k|", Role.CONTROL, plantedMin, 1e-10, "")));
        return res.build();
    }
}
