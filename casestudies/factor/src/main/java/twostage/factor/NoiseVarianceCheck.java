package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * The noise variance sigma^2 that Corollary 6.4 (p. 10) uses. The setup of Section 6.2 defines
 * sigma^2 := sigma_nu^2 + beta*^T (I_d + A* A*^T)^-1 beta* and f*(x) = beta*^T A*^T (I_d + A* A*^T)^-1 x.
 * The simulation of Corollary 6.4 uses sigma^2 = Var(y | x) by Gaussian conditioning on the joint law of (h, x)
 * (Cov(h, x) = A*^T, Cov(x) = Sigma_x):
 * Var(y | x) = sigma_nu^2 + beta*^T (I_k - A*^T Sigma_x^-1 A*) beta*.
 *
 * <p>Evidence: (1) whether the printed expression is well typed (beta* in R^k against a d x d middle matrix; CLAIM);
 * (2) the k x k reading sigma_nu^2 + beta*^T (I_k + A*^T A*)^-1 beta* equals the conditional variance (CONTROL,
 * push-through identity, tolerance 1e-12 (1 + |beta*|^2)); (3) a Monte Carlo regression of y on x from the
 * generative model (N draws): the residual variance and the coefficient agree with Var(y|x) and w* within
 * {@link FalseAlarm#Z} SE (CONTROL; SE of the residual variance from the fourth moment). On random instances
 * d in [3, 8], k in [1, d-1]. Negative control: the "natural but wrong" reading beta*^T beta* / (1 + |A*|_op^2)
 * style mistakes are represented by dropping the inverse (sigma_nu^2 + beta*^T (I_k + A*^T A*) beta*), which the
 * same identity must reject. False-alarm rate: 2 statistical comparisons per instance at 5e-6.
 */
public final class NoiseVarianceCheck implements Check {

    @Override public String claimId() { return "Corollary 6.4"; }
    @Override public String name() { return "setup (p. 10): f* and sigma^2 = Var(y | x) by Gaussian conditioning"; }
    @Override public String module() { return "casestudies/factor"; }
    @Override public String statement() {
        return "In the factor model, f*(x) = E[y|x] = beta*^T A*^T (I_d + A* A*^T)^-1 x and y = f*(x) + eps with "
                + "eps | x ~ N(0, sigma^2), sigma^2 := sigma_nu^2 + beta*^T (I_d + A* A*^T)^-1 beta* (as printed).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int instances = ctx.scale().pick(6, 20);
        int draws = ctx.scale().pick(100_000, 1_000_000);
        boolean anyWellTyped = false;
        double worstIdentity = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < instances; t++) {
            Rng rng = ctx.rng("Corollary 6.4/sigma2", t);
            int d = rng.nextInt(3, 8);
            int k = rng.nextInt(1, d - 1);
            double[] s = new double[k];
            for (int j = 0; j < k; j++) {
                s[j] = 0.3 + 3 * rng.nextDouble();
            }
            FactorModel model = FactorModel.random(d, s, 0.5 + 2 * rng.nextDouble(), rng.nextDouble(), rng);
            anyWellTyped |= model.printedNoiseVarianceIsWellTyped();
            double cond = model.noiseVarianceByConditioning();
            double kk = model.noiseVarianceKByK();
            double bb = FactorModel.quad(model.betaStar(), Mat.identity(k));
            double tol = 1e-12 * (1 + bb) * 10;
            worstIdentity = Math.max(worstIdentity, Math.abs(cond - kk) / tol);
            DMatrixRMaj a = model.aStar();
            double wrong = model.sigmaNu2() + FactorModel.quad(model.betaStar(),
                    Mat.add(Mat.identity(k), Mat.multTransA(a, a)));
            plantedMin = Math.min(plantedMin, Math.abs(cond - wrong) / tol);
            if (t < 2) {
                regression(res, model, draws, rng, t);
            }
        }
        res.add(Evidence.condition("printed sigma^2 = sigma_nu^2 + beta*^T (I_d + A* A*^T)^-1 beta* is well typed "
                + "(beta* in R^k, middle matrix d x d, k < d)", Role.CLAIM, anyWellTyped,
                "ill-typed on every instance; the conditional variance is sigma_nu^2 + beta*^T (I_k + A*^T A*)^-1 beta*"));
        res.add(Evidence.atMost("max |Var(y|x) by conditioning - (k x k reading)| in units of tol", Role.CONTROL,
                worstIdentity, 1.0, instances + " random instances; tol = 1e-11 (1 + |beta*|^2)"));
        res.add(Evidence.plantedErrorCaught("k x k reading without the inverse",
                Evidence.atMost("min |Var(y|x) - planted| in units of tol", Role.CONTROL, plantedMin, 1.0, "")));
        if (!anyWellTyped) {
            res.discrepancyNote("the printed sigma^2 puts the d x d matrix (I_d + A* A*^T)^-1 between two k-vectors; "
                    + "the conditional variance is sigma_nu^2 + beta*^T (I_k + A*^T A*)^-1 beta* (used by the simulation)");
        }
        return res.build();
    }

    /** Monte Carlo regression of y on x: the coefficient and residual variance against w* and Var(y|x). */
    private static void regression(CheckResult.Builder res, FactorModel model, int draws, Rng rng, int t) {
        int d = model.d();
        int k = model.k();
        DMatrixRMaj a = model.aStar();
        double[] beta = model.betaStar();
        double sn = Math.sqrt(model.sigmaNu2());
        DMatrixRMaj xtx = new DMatrixRMaj(d, d);
        double[] xty = new double[d];
        double[][] xs = new double[draws][];
        double[] ys = new double[draws];
        for (int i = 0; i < draws; i++) {
            double[] h = rng.gaussians(k);
            double[] x = rng.gaussians(d);
            for (int r = 0; r < d; r++) {
                for (int j = 0; j < k; j++) {
                    x[r] += a.get(r, j) * h[j];
                }
            }
            double y = sn * rng.gaussian();
            for (int j = 0; j < k; j++) {
                y += beta[j] * h[j];
            }
            for (int r = 0; r < d; r++) {
                xty[r] += x[r] * y;
                for (int c = 0; c < d; c++) {
                    xtx.add(r, c, x[r] * x[c]);
                }
            }
            xs[i] = x;
            ys[i] = y;
        }
        DMatrixRMaj coef = Mat.mult(Linalg.spdInverse(xtx), Mat.col(xty));
        double[] resid2 = new double[draws];
        for (int i = 0; i < draws; i++) {
            double f = 0;
            for (int r = 0; r < d; r++) {
                f += coef.get(r) * xs[i][r];
            }
            resid2[i] = (ys[i] - f) * (ys[i] - f);
        }
        MonteCarlo mc = MonteCarlo.of(resid2);
        double sigma2 = model.noiseVarianceByConditioning();
        res.add(Evidence.withinSE("instance " + t + ": residual variance of y on x (N=" + draws + ")", Role.CONTROL,
                mc.mean() * draws / (draws - d), sigma2, mc.standardError(), FalseAlarm.Z,
                model + "; reference Var(y|x) by conditioning"));
        // coefficient: OLS error covariance sigma^2 (X^T X)^-1; compare the worst coordinate in its own SE
        DMatrixRMaj cov = Mat.scale(sigma2, Linalg.spdInverse(xtx));
        double[] w = model.wStar();
        double worst = 0;
        for (int r = 0; r < d; r++) {
            worst = Math.max(worst, Math.abs(coef.get(r) - w[r]) / Math.sqrt(cov.get(r, r)));
        }
        res.add(Evidence.atMost("instance " + t + ": max_j |OLS coefficient - w*_j| / SE_j", Role.CONTROL, worst,
                FalseAlarm.Z, "w* = (I + A* A*^T)^-1 A* beta*, i.e. f*(x) = beta*^T A*^T (I + A* A*^T)^-1 x as printed"));
    }
}
