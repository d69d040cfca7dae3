package twostage.mest;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.linalg.Vectors;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;

/**
 * Theorem D.7 (p. 41): the Riemannian sandwich CLT sqrt(m) log_{O*}(O_m) => N(0, H*^-1 Sigma* H*^-1) on T_{O*}M,
 * on the sphere mean of claims.md Section 4 ({@link Instances#sphereMean()}: S^3, |mu| ~ 1.92, Sigma_z anisotropic).
 * Two independent references: the general engine V = H*^-1 Sigma* H*^-1 with the Riemannian Hessian from the sphere
 * formula (|mu| I) and Sigma* = B^T Sigma_z B, and the closed form P_T Sigma_z P_T / |mu|^2 (they must agree to
 * 1e-10 relative). The Monte Carlo comparisons are those of {@link RiemannianClt}. Monte Carlo: c = sqrt(m) B^T log_{O*}(O_m) at m = 1, 4, 16, ..., 4096 (PAPER to 65536), 4000 replicates
 * (PAPER 40000), zbar drawn from its exact law. At the largest m: the 6 entries of E[c c^T] within Z SE of V, and
 * {@link GaussianLimitComparison#compare} (E[s^2], KS of the standardised projection, E[Q], KS of Q vs chi-square(3)). The KS
 * distance of the projection must shrink from the smallest to the largest m (CSV of all m attached).
 *
 * <p>Negative controls: the Euclidean Hessian (P_T 0 P_T = 0) makes the sandwich undefined and must be rejected;
 * the sandwich with the |mu| factor dropped (H = I) must fail the second-moment comparisons. False alarms: 10
 * comparisons at 5e-6 each (6 entries, 2 means, 2 KS tests).
 */
public final class TheoremD7Check implements Check {

    @Override public String claimId() { return "Theorem D.7"; }
    @Override public String name() { return "Riemannian sandwich CLT on the sphere mean (curvature-only Hessian)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Under Assumption D.5, sqrt(m) log_{O*}(O_m) converges in law to N(0, H*^-1 Sigma* H*^-1) on T_{O*}M, "
                + "with H* the Riemannian Hessian of F at O* and Sigma* the covariance of the Riemannian score. Sphere "
                + "mean: V = P_T Sigma_z P_T / |mu|^2 although the Euclidean Hessian of -<O, mu> is 0.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        SphereMean s = Instances.sphereMean();
        res.add(Evidence.close("Riemannian Hessian H* = |mu| I: max |H* - |mu| I|", Role.CONTROL,
                Mat.dist(s.hessian(), Mat.scale(Vectors.norm(s.mu()), Mat.identity(3))), 0, 1e-12, s.describe()));
        boolean rejected;
        try {
            Sandwich.of(s.euclideanHessian(), s.scoreCovariance());
            rejected = false;
        } catch (IllegalArgumentException e) {
            rejected = e.getMessage().contains("invertible") || e.getMessage().contains("positive definite");
        }
        res.add(Evidence.condition("the Euclidean Hessian P_T 0 P_T is rejected (no sandwich exists)", Role.CONTROL,
                rejected, "planted error: Euclidean instead of Riemannian Hessian"));

        int mMax = ctx.scale().pick(4096, 65536);
        int reps = ctx.scale().pick(4000, 40000);
        double[] u = Vectors.scale(1 / Math.sqrt(3), new double[] {1, 1, 1});
        RiemannianClt.run(ctx, res, claimId(), s, s.closedFormCovariance(),
                Sandwich.of(Mat.identity(3), s.scoreCovariance()), "sandwich with H = I (|mu| factor dropped)", 1, mMax,
                reps, u, "sphere-mean-clt.csv");
        return res.build();
    }
}
