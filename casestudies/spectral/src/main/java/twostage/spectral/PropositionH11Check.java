package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Proposition H.11 (p. 81), (H.15)-(H.18): Cov(S_H1, S_H2) = 4 [C_aa - C_ab(H1,H2) - C_ab(H2,H1) + C_bb] for the
 * score functionals S_H(Z) = -2 X^T H X+ + 2 (X^T M X-)(X^T H X-) under joint Gaussianity. Monte Carlo on a random
 * d = 3 instance with random symmetric H1, H2: a covariance (H1 != H2) and a variance (H1 = H2), at M = M* and at a
 * random symmetric M (the formula is algebraic in M). Each comparison: |MC - formula| &lt;= 4.6 SE, SE of the
 * per-draw centred products (false-alarm rate about 2e-6 each). Negative control: the factor 4 replaced by 3 is
 * rejected.
 */
public final class PropositionH11Check extends SpectralCheck {

    @Override public String claimId() { return "Proposition H.11"; }
    @Override public String name() { return "Gaussian score covariance (H.15) vs Monte Carlo"; }
    @Override public String statement() {
        return "For jointly Gaussian (X, X+) and an independent copy X-, Cov(S_H1, S_H2) = 4[C_aa(H1,H2) - C_ab(H1,H2) - "
                + "C_ab(H2,H1) + C_bb(H1,H2)] with the terms (H.16)-(H.18).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        SpectralModel model = SpectralInstances.random(3, 1, false, rng);
        DMatrixRMaj h1 = randomSymmetric(3, rng);
        DMatrixRMaj h2 = randomSymmetric(3, rng);
        DMatrixRMaj mRand = randomSymmetric(3, rng);
        int n = ctx.scale().pick(1_000_000, 8_000_000);
        PositivePairSampler sampler = PositivePairSampler.of(model);
        String[] mName = {"M = M*", "M = random symmetric"};
        DMatrixRMaj[] ms = {model.mStar(), mRand};
        for (int c = 0; c < 2; c++) {
            DMatrixRMaj m = ms[c];
            ScoreCovariance sc = ScoreCovariance.at(model, m);
            double[] s1 = new double[n];
            double[] s2 = new double[n];
            Rng r = ctx.rng(claimId() + "/draws", c);
            for (int j = 0; j < n; j++) {
                double[] z = sampler.sample(r);
                double[] x = SpectralLoss.part(z, 3, 0);
                double[] xp = SpectralLoss.part(z, 3, 1);
                double[] xm = SpectralLoss.part(z, 3, 2);
                double b = SpectralLoss.quad(m, x, xm);
                s1[j] = -2 * SpectralLoss.quad(h1, x, xp) + 2 * b * SpectralLoss.quad(h1, x, xm);
                s2[j] = -2 * SpectralLoss.quad(h2, x, xp) + 2 * b * SpectralLoss.quad(h2, x, xm);
            }
            double m1 = MonteCarlo.of(s1).mean();
            double m2 = MonteCarlo.of(s2).mean();
            double[] p12 = new double[n];
            double[] p11 = new double[n];
            for (int j = 0; j < n; j++) {
                p12[j] = (s1[j] - m1) * (s2[j] - m2);
                p11[j] = (s1[j] - m1) * (s1[j] - m1);
            }
            MonteCarlo cov = MonteCarlo.of(p12);
            MonteCarlo var = MonteCarlo.of(p11);
            String note = mName[c] + ", d=3, " + n + " draws";
            res.add(Evidence.withinSE(mName[c] + ": Monte Carlo Cov(S_H1, S_H2) vs (H.15)", Role.CLAIM, cov.mean(),
                    sc.covariance(h1, h2), cov.standardError(), FalseAlarm.Z, note));
            res.add(Evidence.withinSE(mName[c] + ": Monte Carlo Var(S_H1) vs (H.15)", Role.CLAIM, var.mean(),
                    sc.covariance(h1, h1), var.standardError(), FalseAlarm.Z, note));
            res.add(Evidence.plantedErrorCaught("factor 3 instead of 4 (" + mName[c] + ")",
                    Evidence.withinSE("Monte Carlo Var(S_H1) vs 3 x bracket", Role.CONTROL, var.mean(),
                            3 * sc.bracket(h1, h1), var.standardError(), FalseAlarm.Z, note)));
        }
        return res.build();
    }
}
