package twostage.residual;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma G.17 (p. 63): tr(Sigma Sigma_n^+) - rank(Sigma) -> 0 in probability, without an eigengap. Its proof uses the
 * exact whitened identity tr(Sigma Sigma_n^+) = tr((C_n|_S)^{-1}) when Im Sigma_n = S = Im Sigma, and the
 * deterministic bound |tr - r| <= r rho / (1 - rho) with rho = ||C_n - P||_op < 1.
 *
 * <p>EXACT parts on G-LIN (tanh + dependent feature, rank 3 of 4, N = 40) and G-GAUSS (rank 3 of 4, d = 5), random
 * designs with n in {10, 40, 160}: identity to 1e-9 (1 + tr), bound violations = 0.
 *
 * <p>ASYMPTOTIC part on the same G-GAUSS instance along n in {100, 400, 1600} (CI) / {100, 400, 1600, 6400,
 * 25600} (PAPER): the median of |tr - r| must be smaller at the largest n than at the smallest. For a
 * Gaussian design tr(Sigma Sigma_n^+) = n tr(W^{-1}) with W ~ Wishart_r(n, I), so E tr = n r / (n - r - 1) exactly
 * (inverse-Wishart mean, derived): this is a CONTROL at every n (|mean - n r/(n-r-1)| <= Z SE), and the CLAIM is the
 * limit: the mean of tr - r at the largest n is within Z SE + the known bias r(r+1)/(n-r-1) of 0. False alarm per
 * statistical comparison about 4e-6.
 *
 * <p>Negative control: the identity with the pseudo-inverse forgotten (tr(Sigma Sigma_n) in place of
 * tr(Sigma Sigma_n^+)) must fail.
 *
 * <p>False alarm: about 4e-6 per SE comparison; the median criterion has a wide margin (expected ratio 1/4).
 */
public final class LemmaG17Check extends TheoryCheck {

    public LemmaG17Check() {
        super("Lemma G.17", "relative trace tr(Sigma Sigma_n+) -> rank: whitened identity, bound and convergence",
                "If Omega_m -> Omega* in probability (and G.2 holds), tr(Sigma_m Sigma_{m,n}^+) - rank(Sigma_m) -> 0 in "
                        + "probability; if Im Sigma_n = S, tr(Sigma Sigma_n+) = tr((C_n|S)^-1) and |tr - r| <= r rho/(1-rho) "
                        + "for rho = ||C_n - P||op < 1.");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        TanhCurve lin = Instances.tanhOnSupport(rng, 40, 3, 3, true, 1);
        GaussianLinearCurve gauss = Instances.rankDeficientGaussian(rng, 5, 4, 3);
        double worstId = 0;
        double worstPlanted = 0;
        int boundViolations = 0;
        int boundApplicable = 0;
        int designs = 0;
        for (FeatureCurve c : List.<FeatureCurve>of(lin, gauss)) {
            DMatrixRMaj t = c.featuresAtTruth();
            DMatrixRMaj zero = new DMatrixRMaj(c.space().dim(), 1);
            for (int n : new int[] {10, 40, 160}) {
                for (int j = 0; j < 15; j++) {
                    EmpiricalDesign e = EmpiricalDesign.draw(c.space(), t, zero, n,
                            ctx.rng(claimId() + "/exact", designs++));
                    if (!e.wellPosed()) {
                        continue;
                    }
                    double tr = e.traceRatio();
                    worstId = Math.max(worstId, Math.abs(tr - e.whitenedTrace()) / (1 + tr));
                    double planted = Mat.trace(Mat.mult(e.sigma(), e.sigmaN()));
                    worstPlanted = Math.max(worstPlanted, Math.abs(planted - e.whitenedTrace()) / (1 + tr));
                    double rho = e.relativeDeviation();
                    if (rho < 1) {
                        boundApplicable++;
                        int r = e.rank();
                        if (Math.abs(tr - r) > r * rho / (1 - rho) * (1 + 1e-9) + 1e-12) {
                            boundViolations++;
                        }
                    }
                }
            }
        }
        res.add(Evidence.zero("max |tr(Sigma Sigma_n+) - tr((C_n|S)^-1)| / (1 + tr)", Role.CLAIM, worstId, 1e-9,
                designs + " designs (well-posed ones used), G-LIN rank 3/4 and G-GAUSS rank 3/4, n in {10,40,160}"));
        res.add(Evidence.zero("violations of |tr - r| <= r rho/(1-rho)", Role.CLAIM, boundViolations, 0,
                boundApplicable + " designs with rho < 1"));
        res.add(Evidence.plantedErrorCaught("pseudo-inverse forgotten: tr(Sigma Sigma_n)",
                Evidence.zero("max |tr(Sigma Sigma_n) - tr((C_n|S)^-1)| / (1 + tr)", Role.CONTROL, worstPlanted, 1e-9,
                        "")));
        int[] ns = ctx.scale().pick(new int[] {100, 400, 1600}, new int[] {100, 400, 1600, 6400, 25600});
        int reps = ctx.scale().pick(300, 2000);
        int r = 3;
        DMatrixRMaj t = gauss.featuresAtTruth();
        DMatrixRMaj zero = new DMatrixRMaj(gauss.space().dim(), 1);
        double firstMedian = 0;
        double lastMedian = 0;
        MonteCarlo last = null;
        StringBuilder table = new StringBuilder("n,median|tr-r|,mean(tr-r),se,exact_bias\n");
        for (int i = 0; i < ns.length; i++) {
            int n = ns[i];
            List<Double> trs = ctx.replicate(claimId() + "/n" + n, reps,
                    (rep, g) -> EmpiricalDesign.draw(gauss.space(), t, zero, n, g).traceRatio() - r);
            double[] dev = trs.stream().mapToDouble(Double::doubleValue).toArray();
            double[] abs = java.util.Arrays.stream(dev).map(Math::abs).sorted().toArray();
            double median = abs[abs.length / 2];
            MonteCarlo mc = MonteCarlo.of(dev);
            double bias = (double) n * r / (n - r - 1) - r;
            res.add(Evidence.withinSE("mean of tr - r at n=" + n + " vs exact inverse-Wishart value nr/(n-r-1) - r",
                    Role.CONTROL, mc.mean(), bias, mc.standardError(), FalseAlarm.Z, reps + " designs"));
            table.append(n).append(',').append(median).append(',').append(mc.mean()).append(',')
                    .append(mc.standardError()).append(',').append(bias).append('\n');
            if (i == 0) {
                firstMedian = median;
            }
            lastMedian = median;
            last = mc;
        }
        int nMax = ns[ns.length - 1];
        res.add(Evidence.atMost("median |tr - r| at n=" + nMax + " relative to n=" + ns[0], Role.CLAIM,
                lastMedian / firstMedian, 1.0, "must shrink along n; table attached"));
        double biasMax = (double) r * (r + 1) / (nMax - r - 1);
        res.add(Evidence.atMost("|mean(tr - r)| at n=" + nMax + " minus Z SE", Role.CLAIM,
                Math.abs(last.mean()) - FalseAlarm.Z * last.standardError(), biasMax,
                "limit 0, allowing the exact finite-n bias r(r+1)/(n-r-1)"));
        res.attach(twostage.ledger.Attachment.csv("g17-trace-along-n.csv", table.toString()));
        return res.build();
    }
}
