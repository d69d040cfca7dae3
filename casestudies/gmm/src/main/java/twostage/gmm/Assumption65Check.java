package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.SymmetricEigen;

/**
 * Assumption 6.5 (p. 12) on Appendix K's instance U* = 2 I_{4,d}: (i) distinct centres, (ii) eigengap of S(U*) at
 * r* = rank S(U*), (iii) rank E[psi psi^T] = K(r*+1), with psi exactly as in (6.4) in R^{K(d+1)}; the Monte Carlo
 * spectrum (N draws) is cut at 1e-8 lambda_max (the structural zeros are exactly 0 in floating point since psi lies in
 * a K(r*+1)-dimensional subspace). Negative controls: the validator must reject coinciding centres and a degenerate
 * S(U*) (IllegalArgumentException), and the rank comparison must fail against K(r*+1) + 1.
 */
public final class Assumption65Check extends GmmCheck {

    @Override public String claimId() { return "Assumption 6.5"; }
    @Override public String name() { return "Regular set on Appendix K's instance: distinct centres, eigengap, feature rank"; }
    @Override public String statement() {
        return "The centres are distinct, S(U*) has an eigengap between its r*-th and (r*+1)-th eigenvalues, and "
                + "rank E[psi_{U*}(X) psi_{U*}(X)^T] = K(r*+1).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int d = ctx.scale().pick(20, 20);
        MixtureInstance inst = MixtureInstance.paper(4, d, 2.0, MixtureInstance.PAPER_SIGMA2);
        int k = inst.components();
        double[] lam = SymmetricEigen.of(CentredSubspace.secondMoment(k, d, inst.model().centres())).values();
        int r = inst.rank();
        res.add(Evidence.condition("(i) centres pairwise distinct", Role.CLAIM, true, "MixtureModel.of validated"));
        res.add(Evidence.info("r* = rank S(U*)", r, "eigenvalues of S(U*): " + lam[0] + ", ..., lambda_r*=" + lam[r - 1]
                + ", lambda_{r*+1}=" + lam[r]));
        res.add(Evidence.atLeast("(ii) eigengap lambda_r* - lambda_{r*+1}", Role.CLAIM, lam[r - 1] - lam[r], 1e-8 * lam[0], ""));
        int n = ctx.scale().pick(20_000, 100_000);
        int p = k * (d + 1);
        DMatrixRMaj s = FeatureMoments.covariance(inst, inst.model().centres(), inst.model().sample(n, ctx.rng(claimId(), 0)));
        double[] ev = SymmetricEigen.of(InteractionLimit.symmetrize(s)).values();
        int rank = FeatureMoments.numericalRank(ev);
        res.add(Evidence.info("spectrum of E[psi psi^T] (MC)", ev[0], String.format(java.util.Locale.ROOT,
                "N=%d; lambda_1=%.4g, lambda_%d=%.4g, lambda_%d=%.3g (relative cut 1e-8)", n, ev[0], rank, ev[rank - 1],
                rank + 1, rank < p ? ev[rank] : 0.0)));
        res.add(Evidence.close("(iii) rank E[psi psi^T] vs K(r*+1)", Role.CLAIM, rank, k * (r + 1), 0, "p = K(d+1) = " + p));
        res.add(Evidence.plantedErrorCaught("expected rank K(r*+1)+1",
                Evidence.close("rank vs K(r*+1)+1", Role.CONTROL, rank, k * (r + 1) + 1, 0, "")));
        boolean validatorAccepts;
        try {
            inst.requireFeatureRank(n, ctx.rng(claimId() + "/validator", 0));
            validatorAccepts = true;
        } catch (IllegalArgumentException e) {
            validatorAccepts = false;
        }
        res.add(Evidence.condition("MixtureInstance.requireFeatureRank accepts the instance (independent sample)",
                Role.CLAIM, validatorAccepts, ""));
        res.add(rejects("coinciding centres u_1 = u_2", () -> MixtureModel.of(2, 2, new double[] {1, 1, 1, 1})));
        res.add(rejects("no eigengap: K=3 collinear-free but r asked above rank", () ->
                CentredSubspace.of(3, 3, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 2 + 1)));
        res.add(rejects("beta <= 0", () -> MixtureModel.paperInstance(4, 20, 0.0)));
        return res.build();
    }

    static Evidence rejects(String what, Runnable r) {
        boolean threw = false;
        String msg = "";
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            threw = true;
            msg = e.getMessage();
        }
        return Evidence.condition("validator rejects " + what, Role.CONTROL, threw, msg);
    }
}
