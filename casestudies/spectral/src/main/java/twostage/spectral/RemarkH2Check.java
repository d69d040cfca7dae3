package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Remark H.2 (p. 72): C can be indefinite although Sigma_pre and M are PSD (augmentations can correlate negatively).
 * Instance: Sigma_pre = I_3, x+_3 = -0.5 x_3 + noise (so Sigma+ = diag(0.9, 0.6, -0.5) with valid joint covariance),
 * k = 1 and k = 2: C has a negative eigenvalue, Assumption 6.1 holds, M* is PSD of rank k, and the sampler realises
 * E[x+_3 x_3] = -0.5 (Monte Carlo, z = FalseAlarm.Z = 4.75). Negative control: k = 3 (lambda_3(C) &lt; 0) must be rejected by the
 * validator of Assumption 6.1.
 */
public final class RemarkH2Check extends SpectralCheck {

    @Override public String claimId() { return "Remark H.2"; }
    @Override public String name() { return "indefinite C with a negatively correlated augmentation, Assumption 6.1 still holds"; }
    @Override public String statement() {
        return "Sigma_pre and M are PSD but C = Sigma^-1/2 Sigma+ Sigma^-1/2 may be indefinite; the spectral model remains "
                + "well posed when Assumption 6.1 holds (small k).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        DMatrixRMaj sp = CommonOps_DDRM.diag(0.9, 0.6, -0.5);
        for (int k = 1; k <= 2; k++) {
            SpectralModel model = SpectralModel.of(Mat.identity(3), sp, k, Mat.identity(3), new double[k], 1);
            double[] lam = model.whitenedEigenvalues();
            res.add(Evidence.atMost("k=" + k + ": smallest eigenvalue of C", Role.CLAIM, lam[2], -0.4,
                    "C is indefinite"));
            SymmetricEigen em = SymmetricEigen.of(model.mStar());
            res.add(Evidence.condition("k=" + k + ": M* PSD with rank exactly k", Role.CLAIM,
                    em.rank(1e-10) == k && em.values()[2] > -1e-12, "eig(M*)=" + java.util.Arrays.toString(em.values())));
        }
        boolean rejected;
        try {
            SpectralModel.of(Mat.identity(3), sp, 3, Mat.identity(3), new double[3], 1);
            rejected = false;
        } catch (IllegalArgumentException e) {
            rejected = true;
        }
        res.add(Evidence.condition("k=3 (lambda_3(C) = -0.5 < 0) is rejected by the validator", Role.CONTROL, rejected,
                "negative control of the Assumption 6.1 validator"));
        SpectralModel model = SpectralModel.of(Mat.identity(3), sp, 1, Mat.identity(3), new double[1], 1);
        Rng rng = ctx.rng(claimId(), 0);
        int n = ctx.scale().pick(100_000, 1_000_000);
        double[] c33 = new double[n];
        PositivePairSampler s = PositivePairSampler.of(model);
        for (int j = 0; j < n; j++) {
            double[] z = s.sample(rng);
            c33[j] = z[2] * z[5];
        }
        MonteCarlo mc = MonteCarlo.of(c33);
        res.add(Evidence.withinSE("Monte Carlo E[x_3 x+_3]", Role.CONTROL, mc.mean(), -0.5, mc.standardError(),
                FalseAlarm.Z, n + " draws"));
        return res.build();
    }
}
