package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.engine.LimitLaw;
import twostage.engine.LimitLawEngine;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma H.8 (p. 76): with Sigma_down &gt; 0, T_M is injective (Sigma(M) &gt; 0), so N* = {0}, B_v = {0} and the limiting
 * null-residual span B0 = {0}. Checks: ker Sigma(M) = {0} for random M near M* and random Sigma_down (lambda_k(Sigma(M))
 * relative to ||s(M)||^2 ||Sigma_down|| &gt; 1e-8); the general engine finds d_act = d_eff = k and a stable rank k along a
 * generic direction (B0 = {0}). Negative control: a singular Sigma_down whose kernel meets the row space of s(M) gives a
 * nontrivial kernel of Sigma(M).
 */
public final class LemmaH8Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.8"; }
    @Override public String name() { return "trivial null span: Sigma(M) > 0, engine finds B0 = {0}"; }
    @Override public String statement() {
        return "If Sigma_down > 0 then T_M is injective for M near M*, so N* = {0}, B_v = {0} and the limiting null-residual "
                + "span is {0} (Assumption G.4 holds).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        double minRatio = Double.POSITIVE_INFINITY;
        double plantedMax = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(3, 6);
            int k = rng.nextInt(1, d - 1);
            SpectralModel model = SpectralInstances.random(d, k, false, rng);
            DMatrixRMaj s = model.section().apply(SpectralInstances.near(model, 0.05 * Mat.frob(model.mStar()), rng));
            DMatrixRMaj sd = RandomMatrices.spd(d, 1 + 9 * rng.nextDouble(), rng);
            double[] ev = SymmetricEigen.of(sym(Mat.mult(s, Mat.multTransB(sd, s)))).values();
            double scale = Math.pow(Mat.opNorm(s), 2) * Mat.opNorm(sd);
            minRatio = Math.min(minRatio, ev[k - 1] / scale);
            // planted: Sigma_down = I - v v^T with v the first right-singular direction of s
            DMatrixRMaj v = SymmetricEigen.of(Mat.multTransA(s, s)).leading(1);
            DMatrixRMaj bad = Mat.sub(Mat.identity(d), Mat.multTransB(v, v));
            double[] eb = SymmetricEigen.of(sym(Mat.mult(s, Mat.multTransB(bad, s)))).values();
            plantedMax = Math.max(plantedMax, eb[k - 1] / Math.pow(Mat.opNorm(s), 2));
        }
        String note = tries + " instances, random Sigma_down (cond <= 10), M within 5% of M*";
        res.add(Evidence.atLeast("min lambda_k(Sigma(M)) / (||s(M)||^2 ||Sigma_down||) (ker Sigma(M) = {0})", Role.CLAIM, minRatio, 1e-8, note));
        res.add(Evidence.plantedErrorCaught("singular Sigma_down meeting the row space of s(M)",
                Evidence.atLeast("max lambda_k(Sigma(M)) / ||s(M)||^2", Role.CONTROL, plantedMax, 1e-8, note)));
        SpectralModel model = SpectralModel.corollary63(2, 4, 1);
        LimitLaw law = LimitLawEngine.compute(SpectralProblem.of(model, "cor63-k2-d4"), ctx.rng(claimId() + "/engine", 0));
        res.add(Evidence.condition("engine: d_act = d_eff = k = 2 (dim B0 = 0) and stable rank 2", Role.CLAIM,
                law.dAct() == 2 && law.dEff() == 2 && law.stableRank() == 2,
                "d_act=" + law.dAct() + ", d_eff=" + law.dEff() + ", stable rank=" + law.stableRank()
                        + ", B0 direction spread " + fmt(law.b0DirectionSpread())));
        return res.build();
    }

    private static DMatrixRMaj sym(DMatrixRMaj a) {
        SpectralModel.symmetrise(a);
        return a;
    }
}
