package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma J.3 (p. 105): if Sigma(U*) > 0 and Sigma is continuous at U*, then lambda_min(Sigma(U)) >= lambda_min(Sigma(U*))
 * / 2 near U*. Checked: Weyl's inequality lambda_min(A + E) >= lambda_min(A) - ||E||_op on random symmetric A, E (tolerance
 * 1e-12 (||A|| + ||E||)) and its sharpness at E = -||E|| I (equality, relative 1e-12); planted "+ ||E||"
 * must fail. On U* = 2 I_{4,20}: the hypothesis Sigma(U*) > 0 in the (6.4)
 * coordinates (rank vs K(d+1), recorded: it fails there since psi lives in a K(r*+1)-dimensional subspace), and the
 * conclusion on the span of psi (reduced coordinates of {@link FeatureMap}): lambda_min(Sigma(U)) >= lambda_min(Sigma(U*))/2
 * at random U with ||U - U*|| = 0.05 and 0.1, common random numbers.
 */
public final class LemmaJ3Check extends GmmCheck {

    @Override public String claimId() { return "Lemma J.3"; }
    @Override public String name() { return "Weyl bound and local uniform invertibility of Sigma(U) on the span of psi"; }
    @Override public String statement() {
        return "If Sigma(U*) > 0 and U -> Sigma(U) is operator-norm continuous at U*, then lambda_min(Sigma(U)) >= "
                + "lambda_min(Sigma(U*))/2 on a neighbourhood, so Sigma(U)^+ = Sigma(U)^-1 there (Weyl's inequality).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(100, 1000);
        double worst = Double.NEGATIVE_INFINITY, planted = Double.NEGATIVE_INFINITY, sharp = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int n = rng.nextInt(2, 8);
            DMatrixRMaj a = InteractionLimit.symmetrize(RandomMatrices.gaussian(n, n, rng));
            DMatrixRMaj e = Mat.scale(rng.nextDouble(), InteractionLimit.symmetrize(RandomMatrices.gaussian(n, n, rng)));
            double la = min(a);
            double lae = min(Mat.add(a, e));
            double en = Mat.opNorm(e);
            double scale = Mat.opNorm(a) + en;
            double tol = 1e-12 * scale;
            worst = Math.max(worst, (la - en - lae) - tol);
            planted = Math.max(planted, (la + en - lae) - tol);
            // E = -||E|| I attains the bound: lambda_min(A - c I) = lambda_min(A) - c exactly
            double shifted = min(Mat.add(a, Mat.scale(-en, Mat.identity(n))));
            sharp = Math.max(sharp, Math.abs(shifted - (la - en)) / scale);
        }
        res.add(Evidence.atMost("max [lambda_min(A) - ||E|| - lambda_min(A+E)] - tol", Role.CLAIM, worst, 0.0,
                tries + " random symmetric pairs, n in [2,7]"));
        res.add(Evidence.atMost("max |lambda_min(A - ||E|| I) - (lambda_min(A) - ||E||)| / (||A|| + ||E||) (the bound is"
                + " attained)", Role.CLAIM, sharp, 1e-12, "shows the lower bound is sharp, so the comparison above is not"
                + " loose by construction"));
        res.add(Evidence.plantedErrorCaught("Weyl with + ||E||",
                Evidence.atMost("max [lambda_min(A) + ||E|| - lambda_min(A+E)] - tol", Role.CONTROL, planted, 0.0, "")));
        MixtureInstance inst = MixtureInstance.paper(4, 20, 2.0, MixtureInstance.PAPER_SIGMA2);
        Rng rng = ctx.rng(claimId() + "/instance", 0);
        RepresentationError rep = RepresentationError.of(inst, ctx.scale().pick(20_000, 200_000), rng);
        DMatrixRMaj full = FeatureMoments.covariance(inst, inst.model().centres(), inst.model().sample(ctx.scale().pick(5_000, 50_000), rng));
        double[] ev = SymmetricEigen.of(InteractionLimit.symmetrize(full)).values();
        int rank = FeatureMoments.numericalRank(ev);
        res.add(Evidence.info("rank of Sigma(U*) in the (6.4) coordinates (of K(d+1) = " + ev.length + ")", rank,
                "the hypothesis Sigma(U*) > 0 holds only on the span of psi (rank K(r*+1)); the lemma is applied there"));
        double l0 = rep.minEigenvalue(inst.model().centres());
        res.add(Evidence.atLeast("lambda_min Sigma(U*) on the span of psi (reduced coordinates)", Role.CLAIM, l0, 0.0,
                "MC on the fixed sample"));
        double worstRatio = Double.POSITIVE_INFINITY;
        for (double r : new double[] {0.05, 0.1}) {
            for (int t = 0; t < 3; t++) {
                double[] u = Slopes.axpy(inst.model().centres(), r, gaussianDirection(inst.model().parameterDimension(), rng));
                worstRatio = Math.min(worstRatio, rep.minEigenvalue(u) / l0);
            }
        }
        res.add(Evidence.atLeast("min lambda_min Sigma(U) / lambda_min Sigma(U*) at ||U - U*|| in {0.05, 0.1}", Role.CLAIM,
                worstRatio, 0.5, "6 random points"));
        return res.build();
    }

    private static double min(DMatrixRMaj a) {
        double[] v = SymmetricEigen.of(a).values();
        return v[v.length - 1];
    }
}
