package twostage.mest;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;

/**
 * Proposition D.3 (p. 37): Euclidean M-estimator consistency, on well-specified Poisson regression with log link
 * ({@link Instances#poisson()}) solved by Newton's method. Along m = 100, 400, 1600 (PAPER: up to 25600), with 200
 * replicates (PAPER 1000), P(|theta_m - theta*| > 0.25) at the largest m must be at most 0.01, the mean error must
 * decrease by more than Z = 4.6 combined SEs, and its log-log slope must be -0.5 within 0.1 (the m^-1/2 rate).
 *
 * <p>Negative control: an estimator that uses only the first 25 observations (not consistent) must fail the
 * exceedance and rate comparisons. False alarms: one comparison at z = FalseAlarm.Z = 4.75 (the decrease), the others are
 * tolerance statements that hold with overwhelming probability at these sizes.
 */
public final class PropositionD3Check implements Check {

    @Override public String claimId() { return "Proposition D.3"; }
    @Override public String name() { return "consistency of the Poisson-regression MLE (Newton) along m"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Under Assumption D.2 (i)-(ii), theta_m -> theta* in probability: P(|theta_m - theta*| >= eps) -> 0 for "
                + "every eps > 0.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        PoissonRegression p = Instances.poisson();
        int[] ms = ctx.scale().pick(new int[] {100, 400, 1600}, new int[] {100, 400, 1600, 6400, 25600});
        int reps = ctx.scale().pick(200, 1000);
        String note = p.describe() + "; " + reps + " replicates per m";
        Consistency c = Consistency.simulate(ctx, claimId(), p, p::estimate, ms, reps, 0.25);
        Consistency planted = Consistency.simulate(ctx, claimId() + " planted", p, (m, rng) -> p.estimate(25, rng), ms,
                reps, 0.25);
        c.report(res, planted, "estimator using only 25 observations", note, "poisson-consistency.csv");
        return res.build();
    }
}
