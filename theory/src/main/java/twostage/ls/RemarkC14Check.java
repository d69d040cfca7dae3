package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Remark C.14 (p. 32), an interpretation: under homoskedastic noise the expected squared norm of the projected noise
 * depends on the design only through tr H = d_eff,n (a degrees-of-freedom term). Not checkable as a statement; proxy:
 * two designs with the same n and the same rank but different geometry (a tall Gaussian n x 4 and a collinear
 * n x 7 design with 3 repeated columns, both of rank 4) give the same (sigma^2/n) tr H exactly and Monte Carlo means
 * of (1/n)||H eps||^2 (CI 20000, PAPER 100000 draws each) that agree with it and with each other within
 * {@link FalseAlarm#Z} standard errors. False-alarm rate: 3 comparisons, below 1.3e-5.
 */
public final class RemarkC14Check implements Check {

    @Override public String claimId() { return "Remark C.14"; }
    @Override public String name() { return "projected noise depends on the design only through d_eff,n (proxy)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Under homoskedastic noise, E[||H eps||^2 | x] depends on the design only through tr H = d_eff,n, which is "
                + "why the leading noise constant is a degrees-of-freedom count.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("an interpretive remark; proxy: two different designs of equal n and rank have equal exact and "
                + "simulated projected-noise means");
        int draws = ctx.scale().pick(20000, 100000);
        int n = 14;
        double sigma2 = 1.3;
        Rng rng = ctx.rng(claimId(), 0);
        DMatrixRMaj tall = RandomMatrices.gaussian(n, 4, rng);
        DMatrixRMaj collinear = RandomMatrices.collinearDesign(n, 7, 3, rng);
        double target = sigma2 * 4 / n;
        MonteCarlo[] mcs = new MonteCarlo[2];
        DMatrixRMaj[] designs = {tall, collinear};
        for (int c = 0; c < 2; c++) {
            ProjectedNoise noise = ProjectedNoise.homoskedastic(HatMatrix.of(designs[c]), sigma2);
            String label = c == 0 ? "tall Gaussian 14x4" : "collinear 14x7, 3 repeated columns";
            res.add(Evidence.close("(sigma^2/n) tr H [" + label + "]", Role.CONTROL, noise.expected(), target,
                    Tolerance.forDesign(designs[c]) * sigma2, "rank 4 by construction"));
            mcs[c] = noise.monteCarlo(draws, rng);
            res.add(Evidence.info("MC mean of (1/n)||H eps||^2 [" + label + "]", mcs[c].mean(), mcs[c].standardError(),
                    draws + " draws; target sigma^2 d_eff,n / n = " + target));
        }
        double se = Math.hypot(mcs[0].standardError(), mcs[1].standardError());
        res.add(Evidence.withinSE("difference of the two MC means", Role.CONTROL, mcs[0].mean() - mcs[1].mean(), 0, se,
                FalseAlarm.Z, "same d_eff,n, different designs"));
        for (int c = 0; c < 2; c++) {
            res.add(Evidence.withinSE("MC mean vs sigma^2 d_eff,n / n [design " + c + "]", Role.CONTROL,
                    mcs[c].mean(), target, mcs[c].standardError(), FalseAlarm.Z, ""));
        }
        return res.build();
    }
}
