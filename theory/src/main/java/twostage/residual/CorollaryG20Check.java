package twostage.residual;

import java.util.List;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.engine.FiniteSampleSimulator;
import twostage.engine.TwoStageProblem;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.stats.MonteCarlo;
import twostage.toy.ToyLimit;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;

/**
 * Corollary G.20 (p. 66): along n, m -> infinity with m/n -> alpha, n Var_{n,m} -> sigma^2 d_act in probability.
 *
 * <p>Toy-R (d_act = 1) and Toy-NR (d_act = 2 > d_eff = 1), sigma^2 = 1, alpha = 1, the full pipeline of
 * {@link FiniteSampleSimulator} (package twostage.engine), n in {25, 100, 400, 1600} (CI, 400 replications) or up to
 * 25600 (PAPER, 2000 replications). ASYMPTOTIC rule: the paper's metric P(|n Var - sigma^2 d_act| > 0.05 sigma^2 d_act)
 * must be smaller at the largest n than at the smallest, and at the largest n the mean of n Var must be within
 * Z = 4.6 SE of sigma^2 d_act. CONTROL at each n: given w_m the design is Gaussian with Sigma(w_m) of rank d_act, so
 * E[n Var] = sigma^2 n d/(n - d - 1) exactly (inverse-Wishart mean, derived); the Monte Carlo mean must agree within
 * Z SE. Negative control: the regular-case limit sigma^2 d_eff on Toy-NR must be rejected.
 *
 * <p>False alarm: about 4e-6 per SE comparison (Z = 4.6); the p_var comparison has a margin of many SE.
 */
public final class CorollaryG20Check extends TheoryCheck {

    public CorollaryG20Check() {
        super("Corollary G.20", "n Var -> sigma^2 d_act along n (Toy-R: 1, Toy-NR: 2) through the full pipeline",
                "Under G.2-G.4, along n, m -> infinity with m/n -> alpha, n Var_{n,m} -> sigma^2 d_act in probability, "
                        + "d_act = d_eff(Omega*) + dim B0.");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int reps = ctx.scale().pick(400, 2000);
        int[] ns = ctx.scale().pick(new int[] {25, 100, 400, 1600}, new int[] {25, 100, 400, 1600, 6400, 25600});
        StringBuilder table = new StringBuilder("instance,n,mean_nVar,se,p_var,exact_mean\n");
        for (TwoStageProblem<?> toy : List.of(ToyRegular.standard(), ToyNonRegular.standard())) {
            ToyLimit lim = toy instanceof ToyRegular tr ? tr.closedForm() : ((ToyNonRegular) toy).closedForm();
            double sigma2 = lim.sigma2();
            int d = lim.dAct();
            double target = sigma2 * d;
            double firstP = 0;
            double lastP = 0;
            MonteCarlo last = null;
            for (int i = 0; i < ns.length; i++) {
                int n = ns[i];
                FiniteSampleSimulator.Simulation sim = FiniteSampleSimulator.run(toy, 1.0, n, reps, ctx,
                        claimId() + "/" + toy.name());
                MonteCarlo mc = MonteCarlo.of(sim.var());
                double pVar = java.util.Arrays.stream(sim.var()).filter(x -> Math.abs(x - target) > 0.05 * target)
                        .count() / (double) reps;
                double exact = sigma2 * n * d / (double) (n - d - 1);
                res.add(Evidence.withinSE(toy.name() + ": mean n Var at n=" + n + " vs exact sigma^2 n d/(n-d-1)",
                        Role.CONTROL, mc.mean(), exact, mc.standardError(), FalseAlarm.Z, reps + " replications"));
                table.append(toy.name()).append(',').append(n).append(',').append(mc.mean()).append(',')
                        .append(mc.standardError()).append(',').append(pVar).append(',').append(exact).append('\n');
                if (i == 0) {
                    firstP = pVar;
                }
                lastP = pVar;
                last = mc;
            }
            int nMax = ns[ns.length - 1];
            res.add(Evidence.atMost(toy.name() + ": p_var at n=" + nMax + " minus p_var at n=" + ns[0], Role.CLAIM,
                    lastP - firstP, -1e-12, "p_var = P(|n Var - sigma^2 d_act| > 5%): " + firstP + " -> " + lastP));
            res.add(Evidence.withinSE(toy.name() + ": mean n Var at n=" + nMax + " vs sigma^2 d_act = " + target,
                    Role.CLAIM, last.mean(), target, last.standardError(), FalseAlarm.Z, ""));
            if (toy instanceof ToyNonRegular) {
                res.add(Evidence.plantedErrorCaught("limit sigma^2 d_eff on Toy-NR",
                        Evidence.withinSE("mean n Var at n=" + nMax + " vs sigma^2 d_eff", Role.CONTROL, last.mean(),
                                sigma2 * lim.dEff(), last.standardError(), FalseAlarm.Z, "")));
            }
        }
        res.attach(Attachment.csv("g20-nvar-along-n.csv", table.toString()));
        return res.build();
    }
}
