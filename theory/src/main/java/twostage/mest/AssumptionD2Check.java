package twostage.mest;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Assumption D.2 (p. 36), the Euclidean M-estimation conditions, validated numerically by
 * {@link MEstimationConditions} on the instances used for Proposition D.3 and Theorem D.4: well-specified Poisson
 * regression and least squares with heteroskedastic noise. Negative controls: a duplicated regressor (H* singular,
 * minimiser not identified) must be rejected naming (i) and (iv); Student t_2 errors (infinite score variance) must
 * be rejected naming (iii). False alarms: each accepted instance makes two Monte Carlo comparisons at z = FalseAlarm.Z = 4.75.
 */
public final class AssumptionD2Check implements Check {

    @Override public String claimId() { return "Assumption D.2"; }
    @Override public String name() { return "validator of the Euclidean M-estimation conditions on Poisson and least-squares instances"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Conditions for Euclidean M-estimation: (i) theta* is the unique, well-separated minimiser of L; (ii) a "
                + "uniform LLN on a ball and localisation of theta_m; (iii) l is C^2 with E||grad l(theta*; Z)||^2 < inf; "
                + "(iv) H* = Hess L(theta*) invertible; (v) uniform convergence of the empirical Hessian.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int draws = ctx.scale().pick(4000, 40000);
        for (MEstimationProblem p : new MEstimationProblem[] {Instances.poisson(), Instances.heteroskedastic()}) {
            MEstimationConditions.Report r = MEstimationConditions.evaluate(claimId(), p, ctx.rng(claimId() + " "
                    + p.getClass().getSimpleName(), 0), draws);
            res.addAll(r.evidence());
            res.add(Evidence.condition("instance satisfies every decided condition of " + claimId(), Role.CONTROL,
                    r.satisfied(), p.describe() + (r.satisfied() ? "" : "; " + String.join("; ", r.violations()))));
        }
        res.add(MEstimationConditions.rejects(claimId(), Instances.collinear(), "(iv)", ctx.rng(claimId() + " collinear", 0), 200));
        res.add(MEstimationConditions.rejects(claimId(), Instances.collinear(), "(i)", ctx.rng(claimId() + " collinear", 0), 200));
        res.add(MEstimationConditions.rejects(claimId(), Instances.heavyTailed(), "(iii)", ctx.rng(claimId() + " t2", 0), 200));
        return res.build();
    }
}
