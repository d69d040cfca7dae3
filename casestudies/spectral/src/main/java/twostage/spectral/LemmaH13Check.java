package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma H.13 (p. 81): for U ~ N(0, S) and any A, B: E[(U^T A U)(U^T B U)] = tr(AS)tr(BS) + tr(ASBS) + tr(ASB^T S)
 * (H.21), Cov = tr(ASBS) + tr(ASB^T S) (H.22). Reference: Isserlis enumeration; non-symmetric and symmetric A, B.
 * Tolerance 1e-10 * d^2 * (1+||A||)(1+||B||)(1+||S||)^2. Control: enumeration vs Monte Carlo (z = FalseAlarm.Z = 4.75). Negative
 * control: the term tr(A S B^T S) dropped must be caught.
 */
public final class LemmaH13Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.13"; }
    @Override public String name() { return "quadratic Gaussian moment (H.21)-(H.22) vs Isserlis, general and symmetric A, B"; }
    @Override public String statement() {
        return "For U ~ N(0,S) and any A, B: E[(U^T A U)(U^T B U)] = tr(AS)tr(BS) + tr(ASBS) + tr(ASB^T S) (H.21); "
                + "Cov(U^T A U, U^T B U) = tr(ASBS) + tr(ASB^T S) (H.22).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(30, 300);
        double[] worst = new double[4];
        double plantedMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(2, 4);
            DMatrixRMaj s = RandomMatrices.spd(d, 5, rng);
            for (int cls = 0; cls < 2; cls++) {
                DMatrixRMaj a = cls == 0 ? RandomMatrices.gaussian(d, d, rng) : randomSymmetric(d, rng);
                DMatrixRMaj b = cls == 0 ? RandomMatrices.gaussian(d, d, rng) : randomSymmetric(d, rng);
                double tol = 1e-10 * d * d * (1 + Mat.frob(a)) * (1 + Mat.frob(b)) * Math.pow(1 + Mat.frob(s), 2);
                double exact = GaussianMoments.quadraticIsserlis(a, b, s);
                double cov = exact - Mat.trace(Mat.mult(a, s)) * Mat.trace(Mat.mult(b, s));
                worst[2 * cls] = Math.max(worst[2 * cls], Math.abs(GaussianMoments.quadraticPaper(a, b, s) - exact) / tol);
                worst[2 * cls + 1] = Math.max(worst[2 * cls + 1], Math.abs(GaussianMoments.quadraticCovPaper(a, b, s) - cov) / tol);
                double third = Mat.trace(Mat.mult(Mat.mult(a, s), Mat.mult(Mat.transpose(b), s)));
                if (Math.abs(third) > 1e3 * tol) {
                    plantedMin = Math.min(plantedMin, Math.abs(GaussianMoments.quadraticPaper(a, b, s) - third - exact) / tol);
                }
            }
        }
        String note = tries + " instances, d in [2,4]; in units of the tolerance";
        res.add(Evidence.atMost("non-symmetric A, B: max |(H.21) - Isserlis| / tol", Role.CLAIM, worst[0], 1, note));
        res.add(Evidence.atMost("non-symmetric A, B: max |(H.22) - exact covariance| / tol", Role.CLAIM, worst[1], 1, note));
        res.add(Evidence.atMost("symmetric A, B: max |(H.21) - Isserlis| / tol", Role.CLAIM, worst[2], 1, note));
        res.add(Evidence.atMost("symmetric A, B: max |(H.22) - exact covariance| / tol", Role.CLAIM, worst[3], 1, note));
        res.add(Evidence.plantedErrorCaught("term tr(A S B^T S) dropped",
                Evidence.atMost("min |planted - Isserlis| / tol", Role.CONTROL, plantedMin, 1, "")));
        Rng rng = ctx.rng(claimId() + "/mc", 0);
        int d = 3;
        DMatrixRMaj s = RandomMatrices.spd(d, 5, rng);
        DMatrixRMaj a = RandomMatrices.gaussian(d, d, rng);
        DMatrixRMaj b = RandomMatrices.gaussian(d, d, rng);
        DMatrixRMaj root = twostage.linalg.SymmetricEigen.of(s).apply(Math::sqrt);
        int n = ctx.scale().pick(200_000, 2_000_000);
        double[] prod = new double[n];
        for (int j = 0; j < n; j++) {
            double[] u = SpectralLoss.times(root, rng.gaussians(d));
            prod[j] = SpectralLoss.quad(a, u, u) * SpectralLoss.quad(b, u, u);
        }
        MonteCarlo mc = MonteCarlo.of(prod);
        res.add(Evidence.withinSE("Monte Carlo E[(U^T A U)(U^T B U)] vs Isserlis (non-symmetric A, B)", Role.CONTROL,
                mc.mean(), GaussianMoments.quadraticIsserlis(a, b, s), mc.standardError(), FalseAlarm.Z, n + " draws, d=3"));
        return res.build();
    }
}
