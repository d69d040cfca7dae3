package twostage.spectral;

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
 * Lemma H.1 (p. 72): L(M) = -2 tr(M Sigma+) + tr((M Sigma)^2) (H.2) = ||Sigma^1/2 M Sigma^1/2 - C||_F^2 - ||C||_F^2
 * (H.3), and the population minimiser (H.4) M* = Sigma^-1/2 U_k Lambda_k U_k^T Sigma^-1/2 with L(M*) = -||C_k||_F^2.
 * (H.2) = (H.3) on random instances and random symmetric M (tolerance 1e-10 (1 + ||M||^2)(1 + ||Sigma||^2));
 * the Monte Carlo mean of l(M; z) against (H.2) (z = FalseAlarm.Z = 4.75, false-alarm about 2e-6). Negative control: (H.2) with the
 * factor 2 of the linear term dropped must be rejected by the same Monte Carlo comparison.
 */
public final class LemmaH1Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.1"; }
    @Override public String name() { return "population loss (H.2) = (H.3), Monte Carlo mean of the loss, minimiser (H.4)"; }
    @Override public String statement() {
        return "L(M) = E l(M; z) = -2 tr(M Sigma+) + tr((M Sigma)^2) (H.2); if Sigma is invertible it equals "
                + "||Sigma^1/2 M Sigma^1/2 - C||^2 - ||C||^2 with C = Sigma^-1/2 Sigma+ Sigma^-1/2 (H.3), minimised over "
                + "M_{d,k} by the top-k positive truncation of C mapped back (H.4).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(40, 400);
        double worst = 0;
        double worstMin = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(2, 6);
            int k = rng.nextInt(1, d - 1);
            SpectralModel model = SpectralInstances.random(d, k, rng.nextDouble() < 0.3, rng);
            DMatrixRMaj m = randomSymmetric(d, rng);
            double scale = (1 + Math.pow(Mat.frob(m), 2)) * (1 + Math.pow(Mat.frob(model.sigmaPre()), 2));
            worst = Math.max(worst, Math.abs(model.populationLoss(m) - model.populationLossCompleted(m)) / (1e-10 * scale));
            double ck = 0;
            double[] lam = model.whitenedEigenvalues();
            for (int i = 0; i < k; i++) {
                ck += lam[i] * lam[i];
            }
            worstMin = Math.max(worstMin, Math.abs(model.populationLoss(model.mStar()) + ck) / (1e-10 * scale));
        }
        res.add(Evidence.atMost("max |(H.2) - (H.3)| in units of 1e-10 (1+||M||^2)(1+||Sigma||^2)", Role.CLAIM, worst, 1,
                tries + " random instances, d in [2,6], random symmetric M"));
        res.add(Evidence.atMost("max |L(M*) + ||C_k||^2| for M* of (H.4), same units", Role.CLAIM, worstMin, 1, ""));

        Rng rng = ctx.rng(claimId() + "/mc", 0);
        SpectralModel model = SpectralInstances.random(3, 1, false, rng);
        DMatrixRMaj m = randomSymmetric(3, rng);
        int n = ctx.scale().pick(400_000, 1_000_000);
        PositivePairSampler sampler = PositivePairSampler.of(model);
        double[] l = new double[n];
        double[] lin = new double[n];
        for (int j = 0; j < n; j++) {
            double[] z = sampler.sample(rng);
            l[j] = SpectralLoss.lossM(m, z);
            lin[j] = SpectralLoss.quad(m, SpectralLoss.part(z, 3, 0), SpectralLoss.part(z, 3, 1));
        }
        MonteCarlo mc = MonteCarlo.of(l);
        double h2 = model.populationLoss(m);
        res.add(Evidence.withinSE("Monte Carlo mean of l(M; z) vs (H.2)", Role.CLAIM, mc.mean(), h2, mc.standardError(),
                FalseAlarm.Z, n + " triples, d=3, random symmetric M"));
        double wrong = h2 + Mat.trace(Mat.mult(m, model.sigmaPlusPre()));
        res.add(Evidence.plantedErrorCaught("linear term -tr(M Sigma+) instead of -2 tr(M Sigma+)",
                Evidence.withinSE("Monte Carlo mean vs planted", Role.CONTROL, mc.mean(), wrong, mc.standardError(),
                        FalseAlarm.Z, "")));
        MonteCarlo ml = MonteCarlo.of(lin);
        res.add(Evidence.withinSE("Monte Carlo E[x^T M x+] vs tr(M Sigma+) (sampler realises Sigma+)", Role.CONTROL,
                ml.mean(), Mat.trace(Mat.mult(m, model.sigmaPlusPre())), ml.standardError(), FalseAlarm.Z, ""));
        return res.build();
    }
}
