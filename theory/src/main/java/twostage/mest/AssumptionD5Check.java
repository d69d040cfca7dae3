package twostage.mest;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Assumption D.5 (p. 39), the Riemannian M-estimation conditions, validated numerically by
 * {@link MEstimationConditions} on the sphere-mean instance used for Proposition D.6 and Theorem D.7 (claims.md
 * Section 4): F(O) = -&lt;O, mu&gt; is minimised only at mu/|mu| with Riemannian Hessian |mu| I_T (checked against
 * second differences of F along geodesics), and on the rank-2 PCA truncation on M_{4,2} ({@link FixedRankPca}), whose
 * CF7 Hessian is checked against second differences of F along the eigen-truncation retraction. Negative controls: mu = 0 (F constant) must be rejected naming (i) and
 * (iv); the same instance stated with the Euclidean Hessian (0) must be rejected naming (iv). False alarms: four
 * Monte Carlo comparisons at z = FalseAlarm.Z = 4.75.
 */
public final class AssumptionD5Check implements Check {

    @Override public String claimId() { return "Assumption D.5"; }
    @Override public String name() { return "validator of the Riemannian M-estimation conditions on the sphere mean and rank-2 PCA on M_{4,2}"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Conditions for Riemannian M-estimation on a normal neighbourhood of O*: (i) unique, well-separated "
                + "minimiser in d_M; (ii) uniform LLN and localisation; (iii) C^2 with E||grad f(O*; Z)||^2 < inf; (iv) "
                + "H* = Hess F(O*) invertible on T_{O*}M; (v) uniform convergence of parallel-transported Hessians.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int draws = ctx.scale().pick(4000, 40000);
        SphereMean s = Instances.sphereMean();
        for (MEstimationProblem p : new MEstimationProblem[] {s, Instances.pca()}) {
            MEstimationConditions.Report r = MEstimationConditions.evaluate(claimId(), p,
                    ctx.rng(claimId() + " " + p.getClass().getSimpleName(), 0), draws);
            res.addAll(r.evidence());
            res.add(Evidence.condition("instance satisfies every decided condition of " + claimId(), Role.CONTROL,
                    r.satisfied(), p.describe() + (r.satisfied() ? "" : "; " + String.join("; ", r.violations()))));
        }
        res.add(MEstimationConditions.rejects(claimId(), Instances.flatSphereMean(), "(i)", ctx.rng(claimId() + " flat", 0), 200));
        res.add(MEstimationConditions.rejects(claimId(), Instances.flatSphereMean(), "(iv)", ctx.rng(claimId() + " flat", 0), 200));
        res.add(MEstimationConditions.rejects(claimId(),
                new ReplacedHessian(s, s.euclideanHessian(), "the Euclidean Hessian P_T 0 P_T"), "(iv)",
                ctx.rng(claimId() + " euclidean", 0), 200));
        return res.build();
    }
}
