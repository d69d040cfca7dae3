package twostage.mest;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.linalg.Vectors;
import twostage.ledger.CheckResult;

/**
 * Theorem D.7 (p. 41) on the fixed-rank PSD manifold M_{4,2} (Frobenius metric): rank-2 PCA truncation
 * ({@link Instances#pca()}, {@link FixedRankPca}), whose Riemannian Hessian comes from the CF7 formula with a nonzero
 * Euclidean gradient. The log map is the first-order proxy P_T(M_m - M*) (its error is O_P(1/m), negligible at the
 * sqrt(m) scale); the sample covariance is drawn from its exact Wishart law (Bartlett) for m >= d. The engine
 * V = H*^-1 Sigma* H*^-1 must agree with the eigen-perturbation closed form; the Monte
 * Carlo comparisons (m = 2, 8, .., 2048, 1000 replicates; PAPER to 32768 and 10000) are those of {@link RiemannianClt}.
 *
 * <p>Negative control: the sandwich with the CF7 curvature term dropped (H = identity on T) must fail the
 * second-moment comparisons. False alarms: 11 comparisons at 5e-6 each.
 */
public final class TheoremD7FixedRankCheck implements Check {

    @Override public String claimId() { return "Theorem D.7"; }
    @Override public String name() { return "Riemannian sandwich CLT on M_{4,2} (rank-2 PCA truncation, CF7 Hessian)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Under Assumption D.5, sqrt(m) log_{M*}(M_m) converges in law to N(0, H*^-1 Sigma* H*^-1) on T_{M*}M, "
                + "with H* the Riemannian Hessian (on M_{d,k}: CF7, including the curvature term from the normal part of "
                + "the Euclidean gradient) and Sigma* the covariance of the Riemannian score.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        FixedRankPca p = Instances.pca();
        int dim = p.manifold().dimension();
        double[] u = new double[dim];
        for (int i = 0; i < dim; i++) {
            u[i] = 1 + i % 3;
        }
        u = Vectors.scale(1 / Vectors.norm(u), u);
        RiemannianClt.run(ctx, res, claimId() + " pca", p, p.closedFormCovariance(),
                Sandwich.of(p.hessianWithoutCurvature(), p.scoreCovariance()),
                "sandwich with the CF7 curvature term dropped", 2, ctx.scale().pick(2048, 32768),
                ctx.scale().pick(1000, 10000), u, "pca-clt.csv");
        return res.build();
    }
}
