package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Assumption 6.1 (p. 9): Sigma_pre invertible and lambda_k(C) &gt; max(lambda_{k+1}(C), 0). The generator's validator
 * rejects violations (no gap, lambda_k &lt;= 0, singular Sigma_pre, k &gt;= d; CONTROL). On random valid instances
 * (C of full rank and of rank k): M* of (H.4) is PSD of rank exactly k, and a generic numerical minimiser (saddle-free
 * Newton over A in R^{k x d} from random Gaussian starts) reaches the same loss (relative 1e-9) and the same M*
 * (Frobenius 1e-6). Negative control: with lambda_k(C) = lambda_{k+1}(C) the restarts do not agree on the minimiser
 * (spread &gt; 1e-3), so the uniqueness comparison fails as it must.
 */
public final class Assumption61Check extends SpectralCheck {

    @Override public String claimId() { return "Assumption 6.1"; }
    @Override public String name() { return "eigengap validator, rank-k PSD M*, random-restart minimiser reaches M*"; }
    @Override public String statement() {
        return "Sigma_pre is invertible and lambda_k(C) - max(lambda_{k+1}(C), 0) > 0 for C = Sigma^-1/2 Sigma+ Sigma^-1/2; "
                + "then the population minimiser over M_{d,k} exists, is unique and is rank-k PSD.";
    }

    private static boolean rejects(Runnable r) {
        try {
            r.run();
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        DMatrixRMaj i3 = Mat.identity(3);
        res.add(Evidence.condition("validator rejects lambda_k(C) = lambda_{k+1}(C)", Role.CONTROL,
                rejects(() -> SpectralModel.of(i3, CommonOps_DDRM.diag(0.5, 0.5, 0.1), 1, i3, new double[1], 1)), ""));
        res.add(Evidence.condition("validator rejects lambda_k(C) <= 0", Role.CONTROL,
                rejects(() -> SpectralModel.of(i3, CommonOps_DDRM.diag(0.5, -0.1, -0.2), 2, i3, new double[2], 1)), ""));
        res.add(Evidence.condition("validator rejects a singular Sigma_pre", Role.CONTROL,
                rejects(() -> SpectralModel.of(CommonOps_DDRM.diag(1, 1, 0), CommonOps_DDRM.diag(0.5, 0.1, 0), 1, i3,
                        new double[1], 1)), ""));
        res.add(Evidence.condition("validator rejects k >= d", Role.CONTROL,
                rejects(() -> SpectralModel.of(i3, CommonOps_DDRM.diag(0.5, 0.2, 0.1), 3, i3, new double[3], 1)), ""));

        int instances = ctx.scale().pick(6, 30);
        int restarts = ctx.scale().pick(8, 20);
        double worstLoss = 0, worstM = 0, worstCert = 0;
        boolean rankOk = true;
        SpectralMinimiser min = SpectralMinimiser.withTolerance(1e-11, 500);
        for (int t = 0; t < instances; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(3, 5);
            int k = rng.nextInt(1, d - 1);
            SpectralModel model = SpectralInstances.random(d, k, t % 2 == 1, rng);
            SymmetricEigen em = SymmetricEigen.of(model.mStar());
            rankOk &= em.rank(1e-9) == k && em.values()[d - 1] > -1e-12 * em.values()[0];
            QuarticObjective pop = QuarticObjective.population(model);
            double lStar = model.populationLoss(model.mStar());
            for (int r = 0; r < restarts; r++) {
                SpectralFit fit = min.minimise(pop, RandomMatrices.gaussian(k, d, rng));
                worstLoss = Math.max(worstLoss, Math.abs(fit.value() - lStar) / Math.max(1, Math.abs(lStar)));
                worstM = Math.max(worstM, Mat.dist(fit.m(), model.mStar()));
                worstCert = Math.max(worstCert, fit.riemannianGradNorm() / fit.tolerance());
            }
        }
        String note = instances + " random instances (d in [3,5], C of full rank and of rank k), " + restarts
                + " Gaussian restarts each";
        res.add(Evidence.condition("M* of (H.4) is PSD with rank exactly k on every instance", Role.CLAIM, rankOk, note));
        res.add(Evidence.atMost("max relative |L(restart) - L(M*)|", Role.CLAIM, worstLoss, 1e-9, note));
        res.add(Evidence.atMost("max ||M(restart) - M*||_F", Role.CLAIM, worstM, 1e-6, note));
        res.add(Evidence.atMost("max certificate ||grad_R|| / tol of the restarts", Role.CONTROL, worstCert, 1, note));

        // negative control: a tie lambda_1 = lambda_2 makes the minimiser non-unique
        DMatrixRMaj s = CommonOps_DDRM.diag(0.8, 0.8, 0.2);
        DMatrixRMaj tt = new DMatrixRMaj(9, 9);
        CommonOps_DDRM.kron(i3, i3, tt);
        QuarticObjective tie = QuarticObjective.of(s, tt);
        Rng rng = ctx.rng(claimId() + "/tie", 0);
        DMatrixRMaj first = null;
        double spread = 0;
        for (int r = 0; r < restarts; r++) {
            SpectralFit fit = min.minimise(tie, RandomMatrices.gaussian(1, 3, rng));
            if (first == null) {
                first = fit.m();
            } else {
                spread = Math.max(spread, Mat.dist(fit.m(), first));
            }
        }
        res.add(Evidence.plantedErrorCaught("no eigengap: C = diag(0.8, 0.8, 0.2), k = 1",
                Evidence.atMost("max ||M(restart) - M(first restart)||_F", Role.CONTROL, spread, 1e-3, "")));
        return res.build();
    }
}
