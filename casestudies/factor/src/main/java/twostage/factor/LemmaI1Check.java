package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.stats.LogLogSlope;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma I.1 (p. 94): for S = S_m, one minimiser of the PPCA negative log-likelihood
 * L(M) = (1/2)[log det(I + M) + tr(S (I + M)^-1)] over rank-<=k PSD M is
 * M_hat = U_k diag((lambda_i - 1)_+) U_k^T (I.4).
 *
 * <p>Checked against DIRECT numerical minimisation over the loading A in R^{d x k} (BFGS with the analytic
 * gradient, three random starts (PAPER five), gradient tolerance 1e-10): on random S = Q diag(lambda) Q^T (d in [3, 7],
 * k in [1, d-1], eigenvalue gaps >= 0.03, about a third of the instances with some of the top-k lambda below 1 so
 * the rank drops). Tolerances: loss agreement 1e-9 (1 + |L|); M agreement 1e-5 (1 + |M_hat|_F) on instances of
 * full rank k (with a rank drop the loss is flat to fourth order along the dropped columns, so only the value is
 * compared). Also: L(M_hat) <= L at 50 random rank-k PSD matrices; grad_A L(A_hat) = 0 within 1e-10 (1 + |S|);
 * Taylor-remainder slope tests of grad_A (loss remainder) and of the A-Hessian (gradient remainder), both slope 2
 * over h = 1e-2..10^-4.5 along a unit direction, steps below the rounding floor left out of the fit.
 * Negative control: the estimator without the "-1" (U_k diag(lambda_i) U_k^T) must lose to the numerical optimum.
 */
public final class LemmaI1Check implements Check {

    @Override public String claimId() { return "Lemma I.1"; }
    @Override public String name() { return "PPCA MLE closed form vs direct numerical minimisation over A"; }
    @Override public String module() { return "casestudies/factor"; }
    @Override public String statement() {
        return "For X ~ N(0, I + M*) with rank M* = k, a maximiser of the Gaussian likelihood (minimiser of "
                + "(1/2)[log det(I+M) + tr(S_m (I+M)^-1)]) is M_hat = U_k diag((lambda_i - 1)_+) U_k^T from the top-k "
                + "eigenpairs of S_m.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int instances = ctx.scale().pick(6, 60);
        int starts = ctx.scale().pick(3, 5);
        double worstValue = 0;
        double worstNotWorse = 0;
        double worstM = 0;
        double worstRandom = Double.POSITIVE_INFINITY;
        double worstGrad = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        double minGradSlope = Double.POSITIVE_INFINITY;
        double minHessSlope = Double.POSITIVE_INFINITY;
        int rankDrops = 0;
        for (int t = 0; t < instances; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(3, 7);
            int k = rng.nextInt(1, d - 1);
            boolean drop = t % 3 == 2;
            double[] lam = new double[d];
            double top = drop ? 0.6 + 1.5 * rng.nextDouble() : 1.5 + 3 * rng.nextDouble();
            for (int i = 0; i < d; i++) {
                lam[i] = top - i * (0.1 + 0.4 * rng.nextDouble()) * (drop ? 0.3 : 1);
                lam[i] = Math.max(lam[i], 0.05 + 0.01 * (d - i));
            }
            java.util.Arrays.sort(lam);
            reverse(lam);
            DMatrixRMaj s = RandomMatrices.withEigenvalues(RandomMatrices.haarOrthogonal(d, rng), lam);
            PpcaEstimator est = PpcaEstimator.fit(s, k);
            if (est.rank() < k) {
                rankDrops++;
            }
            double closed = PpcaLikelihood.lossM(est.m(), s);
            double scale = 1 + Math.abs(closed);
            // direct numerical minimisation over A from random starts
            double best = Double.POSITIVE_INFINITY;
            DMatrixRMaj bestA = null;
            for (int start = 0; start < starts; start++) {
                double[] a0 = Linalg.flat(RandomMatrices.gaussian(d, k, rng));
                int dd = d;
                int kk = k;
                Bfgs.Result r = Bfgs.minimize(w -> PpcaLikelihood.loss(Linalg.unflat(w, dd, kk), s),
                        w -> Linalg.flat(PpcaLikelihood.gradient(Linalg.unflat(w, dd, kk), s)), a0, 1e-10, 800);
                if (r.value() < best) {
                    best = r.value();
                    bestA = Linalg.unflat(r.x(), d, k);
                }
            }
            worstValue = Math.max(worstValue, Math.abs(closed - best) / (1e-9 * scale));
            worstNotWorse = Math.max(worstNotWorse, (closed - best) / (1e-9 * scale));
            if (est.rank() == k) {
                worstM = Math.max(worstM, Mat.dist(Mat.multTransB(bestA, bestA), est.m())
                        / (1e-5 * (1 + Mat.frob(est.m()))));
            }
            for (int j = 0; j < 50; j++) {
                DMatrixRMaj m = Mat.scale(0.5 + 3 * rng.nextDouble(), RandomMatrices.psdOfRank(d, k, rng));
                worstRandom = Math.min(worstRandom, PpcaLikelihood.lossM(m, s) - closed);
            }
            worstGrad = Math.max(worstGrad, Mat.frob(PpcaLikelihood.gradient(est.a(), s)) / (1e-10 * (1 + Mat.frob(s))));
            DMatrixRMaj wrong = Mat.add(est.m(), Mat.multTransB(est.uk(), est.uk()));
            plantedMin = Math.min(plantedMin, Math.abs(PpcaLikelihood.lossM(wrong, s) - best) / (1e-9 * scale));
            double[] slopes = taylorSlopes(RandomMatrices.gaussian(d, k, rng), s, RandomMatrices.gaussian(d, k, rng));
            minGradSlope = Math.min(minGradSlope, slopes[0]);
            minHessSlope = Math.min(minHessSlope, slopes[1]);
        }
        String inst = instances + " random S (" + rankDrops + " with a rank drop)";
        res.add(Evidence.atMost("max |L(M_hat) - min over BFGS starts| in units of 1e-9 (1+|L|)", Role.CLAIM, worstValue,
                1.0, inst));
        res.add(Evidence.atMost("max (L(M_hat) - numerical minimum) in units of 1e-9 (1+|L|): closed form not worse",
                Role.CLAIM, worstNotWorse, 1.0, inst));
        res.add(Evidence.atMost("max |A_num A_num^T - M_hat|_F in units of 1e-5 (1+|M_hat|), full-rank instances",
                Role.CLAIM, worstM, 1.0, "the minimiser itself agrees"));
        res.add(Evidence.atLeast("min over 50 random rank-k PSD M of L(M) - L(M_hat)", Role.CLAIM, worstRandom, 0.0,
                "per instance"));
        res.add(Evidence.atMost("max |grad_A L(A_hat)|_F in units of 1e-10 (1+|S|)", Role.CLAIM, worstGrad, 1.0,
                "A_hat = U_k diag((lambda-1)_+)^1/2"));
        res.add(Evidence.atLeast("min Taylor slope of the first-order remainder (grad_A)", Role.CONTROL, minGradSlope,
                1.8, "h = 1e-2 .. 10^-4.5, random A and direction; exact gradient gives 2"));
        res.add(Evidence.atLeast("min Taylor slope of the gradient's first-order remainder (A-Hessian)", Role.CONTROL,
                minHessSlope, 1.8, "|grad(A+hE) - grad(A) - h H[E]|; exact Hessian gives 2"));
        res.add(Evidence.plantedErrorCaught("PPCA without the -1 (U_k diag(lambda_i) U_k^T)",
                Evidence.atMost("min |L(planted) - numerical minimum| in units of 1e-9 (1+|L|)", Role.CONTROL,
                        plantedMin, 1.0, "")));
        return res.build();
    }

    /**
     * Fitted log-log slopes of two first-order Taylor remainders along E/|E|_F at A: of the loss,
     * |L(A + hE) - L(A) - h <grad, E>|, and of the gradient, |grad(A + hE) - grad(A) - h H[E]|_F (a vector remainder,
     * so a vanishing third directional derivative cannot mask it). Both are O(h^2) when the derivatives are right.
     * Steps whose remainder is below the rounding floor 1e-14 (1 + |value|) are left out of the fit.
     */
    static double[] taylorSlopes(DMatrixRMaj a, DMatrixRMaj s, DMatrixRMaj direction) {
        DMatrixRMaj e = Mat.scale(1 / Mat.frob(direction), direction);
        double[] h = LogLogSlope.halfDecades(1e-2, 6);
        double[] r1 = new double[h.length];
        double[] r2 = new double[h.length];
        double f0 = PpcaLikelihood.loss(a, s);
        DMatrixRMaj g0 = PpcaLikelihood.gradient(a, s);
        double g = Mat.inner(g0, e);
        DMatrixRMaj he = PpcaLikelihood.hessianApply(a, s, e);
        for (int i = 0; i < h.length; i++) {
            DMatrixRMaj ah = Mat.add(a, Mat.scale(h[i], e));
            r1[i] = Math.abs(PpcaLikelihood.loss(ah, s) - f0 - h[i] * g);
            r2[i] = Mat.frob(Mat.sub(Mat.sub(PpcaLikelihood.gradient(ah, s), g0), Mat.scale(h[i], he)));
        }
        return new double[] {slopeAboveFloor(h, r1, 1e-14 * (1 + Math.abs(f0))),
                slopeAboveFloor(h, r2, 1e-14 * (1 + Mat.frob(g0)))};
    }

    /**
     * The log-log slope over the steps whose remainder is above the rounding floor (there a remainder measures
     * rounding, not truncation); all steps if fewer than three are above it.
     */
    static double slopeAboveFloor(double[] h, double[] r, double floor) {
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        for (int i = 0; i < h.length; i++) {
            if (r[i] > floor) {
                kept.add(new double[] {h[i], r[i]});
            }
        }
        if (kept.size() < 3) {
            return LogLogSlope.fit(h, r);
        }
        return LogLogSlope.fit(kept.stream().mapToDouble(x -> x[0]).toArray(),
                kept.stream().mapToDouble(x -> x[1]).toArray());
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}
