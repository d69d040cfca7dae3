package twostage.mest;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;

/**
 * Proposition D.6 (p. 40): Riemannian M-estimator consistency, on the sphere mean ({@link Instances#sphereMean()},
 * S^3): d_M(O_m, O*) (the geodesic angle) along m = 10, 100, 1000, 10000 (PAPER up to 10^5) with 2000 replicates
 * (PAPER 20000). P(d > 0.1) at the largest m must be at most 0.01, the mean angle must decrease by more than
 * Z = 4.6 combined SEs, and its log-log slope must be -0.5 within 0.1.
 *
 * <p>Negative control: the normalised single draw z_1/|z_1| (not consistent) must fail the exceedance and rate
 * comparisons. False alarms: one comparison at z = FalseAlarm.Z = 4.75.
 */
public final class PropositionD6Check implements Check {

    @Override public String claimId() { return "Proposition D.6"; }
    @Override public String name() { return "consistency of the sphere-mean estimator in the geodesic distance"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Under Assumption D.5 (i)-(ii), O_m -> O* in probability in the Riemannian distance d_M.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        SphereMean s = Instances.sphereMean();
        int[] ms = ctx.scale().pick(new int[] {10, 100, 1000, 10000}, new int[] {10, 100, 1000, 10000, 100000});
        int reps = ctx.scale().pick(2000, 20000);
        String note = s.describe() + "; " + reps + " replicates per m; zbar drawn from its exact law";
        Consistency c = Consistency.simulate(ctx, claimId(), s, s::estimate, ms, reps, 0.1);
        Consistency planted = Consistency.simulate(ctx, claimId() + " planted", s, (m, rng) -> s.estimate(1, rng), ms,
                reps, 0.1);
        c.report(res, planted, "single-draw estimator z_1/|z_1|", note, "sphere-mean-consistency.csv");
        return res.build();
    }
}
