package twostage.gmm;

import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma J.1 (p. 104): ||psi_U(x)|| <= C(1 + ||x|| + max_i ||u_i||) with C depending only on K, hence finite
 * moments. Checked pointwise with C = 1 (sum_i pi_i^2 <= 1 gives it) on random (x, U), including x far out; the
 * planted constant C = 0.1 must be violated. The order-8 moment E||psi||^8 at U* = 2 I_{4,d} agrees at N and 2N within
 * 4.6 SE. The equivariance of J.1's construction (S(gU) = S(U), P_{gU} = P_U, psi_{gU} = rho(g) psi_U, sum pi = 1)
 * is checked in the same run.
 */
public final class LemmaJ1Check extends GmmCheck {

    @Override public String claimId() { return "Lemma J.1"; }
    @Override public String name() { return "Pointwise feature bound with C = 1, stable 8th moment, S_K equivariance"; }
    @Override public String statement() {
        return "On a compact neighbourhood of U*, sup_U E||psi_U(X)||^q < infinity for every q >= 1, via "
                + "||psi_U(x)|| <= C(1 + ||x|| + max_i ||u_i||) with C depending only on K.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(200, 2000);
        double worst = 0, planted = 0, equiv = 0, sumPi = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int k = rng.nextInt(2, 5);
            int d = rng.nextInt(k, k + 4);
            MixtureInstance inst = randomInstance(k, d, 3.0, 0.1, rng);
            double[] u = inst.model().centres();
            double[] x = rng.gaussians(d);
            double scale = Math.exp(4 * rng.nextDouble());
            for (int a = 0; a < d; a++) {
                x[a] *= scale;
            }
            double[] psi = inst.features(u).full(x);
            double umax = 0;
            for (int i = 0; i < k; i++) {
                umax = Math.max(umax, Slopes.norm(java.util.Arrays.copyOfRange(u, i * d, (i + 1) * d)));
            }
            double bound = 1 + Slopes.norm(x) + umax;
            worst = Math.max(worst, Slopes.norm(psi) / bound);
            planted = Math.max(planted, Slopes.norm(psi) / (0.1 * bound));
            // equivariance under a random relabelling g: (g.U)_i = u_{g^-1(i)}
            int[] g = PermutationGroup.randomPermutation(k, rng);
            double[] gu = PermutationGroup.actOn(g, u, k, d);
            double[] psiG = inst.features(gu).full(x);
            double[] rhoPsi = PermutationGroup.permuteBlocks(g, psi, k, d + 1);
            for (int j = 0; j < psi.length; j++) {
                equiv = Math.max(equiv, Math.abs(psiG[j] - rhoPsi[j]));
            }
            double s = 0;
            for (double p : inst.features(u).responsibilities(x, 0)) {
                s += p;
            }
            sumPi = Math.max(sumPi, Math.abs(s - 1));
        }
        res.add(Evidence.atMost("max ||psi_U(x)|| / (1 + ||x|| + max||u_i||)", Role.CLAIM, worst, 1.0,
                tries + " random (K in [2,5], d in [K,K+4], centres N(0,9I), ||x|| up to e^4 sqrt(d))"));
        res.add(Evidence.plantedErrorCaught("constant C = 0.1",
                Evidence.atMost("max ||psi|| / (0.1 (1 + ||x|| + max||u_i||))", Role.CONTROL, planted, 1.0, "")));
        res.add(Evidence.zero("max |psi_{gU}(x) - rho(g) psi_U(x)|", Role.CLAIM, equiv, 1e-12 * 100, "random g in S_K"));
        res.add(Evidence.zero("max |sum_i pi_i - 1|", Role.CLAIM, sumPi, 1e-12, ""));
        MixtureInstance paper = MixtureInstance.paper(4, ctx.scale().pick(10, 20), 2.0, MixtureInstance.PAPER_SIGMA2);
        int n = ctx.scale().pick(20_000, 200_000);
        MonteCarlo a = eighth(paper, n, ctx.rng(claimId() + "/moment", 0));
        MonteCarlo b = eighth(paper, 2 * n, ctx.rng(claimId() + "/moment", 1));
        res.add(Evidence.withinSE("E||psi_U*(X)||^8 at N vs 2N", Role.CLAIM, a.mean(), b.mean(),
                Math.hypot(a.standardError(), b.standardError()), FalseAlarm.Z, "N=" + n));
        return res.build();
    }

    private static MonteCarlo eighth(MixtureInstance inst, int n, Rng rng) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            double s = Slopes.norm(inst.featuresAtTruth().full(inst.model().sample(rng)));
            v[j] = Math.pow(s, 8);
        }
        return MonteCarlo.of(v);
    }
}
