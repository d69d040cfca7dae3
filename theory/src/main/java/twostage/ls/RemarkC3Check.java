package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Remark C.3 (p. 29), a caveat: the identities of Appendix C are deterministic, but expectations over random designs
 * of quantities involving S^+ can blow up through small eigenvalues. Not checkable as a statement; proxy (as for
 * Remark B.2): Gaussian features in dimension p = 4 with a random covariance of condition number 10; the Monte Carlo
 * mean of tr(Sigma Sigma_n^{-1}) (CI 10000, PAPER 200000 designs; batch-means SE over 50 batches, because the draws
 * are heavy-tailed: only moments of order below (n - p + 1)/2 exist) must match the inverse-Wishart mean
 * n p / (n - p - 1) at n = p + 5 and n = p + 20. Reported: at n = p + 1, where the mean is infinite, the running mean
 * and the largest draw keep growing with the number of draws. False-alarm rate: 2 comparisons at about 4.2e-6 each
 * (the batch means are close to normal at these sizes).
 */
public final class RemarkC3Check implements Check {

    @Override public String claimId() { return "Remark C.3"; }
    @Override public String name() { return "inverse-eigenvalue effects: E tr(Sigma Sigma_n^-1) = np/(n-p-1) (proxy)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "The pseudo-inverse identities hold for every design, but expectations over random designs of "
                + "quantities involving S+ are sensitive to small eigenvalues of S and may be large or infinite.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("a caveat, not a statement; proxy: inverse-Wishart mean of tr(Sigma Sigma_n^-1) by Monte Carlo, "
                + "and its divergence at n = p + 1");
        int p = 4;
        int draws = ctx.scale().pick(10000, 200000);
        Rng setup = ctx.rng(claimId(), 0);
        DMatrixRMaj sigma = RandomMatrices.spd(p, 10, setup);
        for (int extra : new int[] {5, 20}) {
            int n = p + extra;
            double[] x = InverseWishartTrace.of(sigma, n).draws(draws, ctx.rng(claimId(), n));
            MonteCarlo mc = MonteCarlo.batchMeans(x, 50);
            res.add(Evidence.withinSE("mean of tr(Sigma Sigma_n^-1), n = p + " + extra, Role.CONTROL, mc.mean(),
                    InverseWishartTrace.mean(n, p), mc.standardError(), FalseAlarm.Z,
                    draws + " Gaussian designs, batch-means SE (50 batches); limit p = " + p));
        }
        double[] x = InverseWishartTrace.of(sigma, p + 1).draws(draws, ctx.rng(claimId(), p + 1));
        double early = 0;
        double max = 0;
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            total += x[i];
            max = Math.max(max, x[i]);
            if (i == x.length / 100 - 1) {
                early = total / (i + 1);
            }
        }
        res.add(Evidence.info("n = p + 1: running mean after 1% of the draws", early, "the mean is infinite here"));
        res.add(Evidence.info("n = p + 1: running mean after all draws", total / x.length, draws + " draws"));
        res.add(Evidence.info("n = p + 1: largest draw", max, "heavy tail from the smallest eigenvalue of Sigma_n"));
        return res.build();
    }
}
