package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * Lemma H.12 (p. 81): for centred jointly Gaussian (U, V) with E UU^T = Su, E VV^T = Sv, E UV^T = Suv and "any
 * A, B", E[(U^T A V)(U^T B V)] = tr(A Suv) tr(B Suv) + tr(A Su B Sv) + tr(A Suv B^T Suv^T) (H.19) and the covariance
 * (H.20). Reference: exact Isserlis enumeration (4-index sum). Two input classes: (a) general (non-symmetric A, B and
 * a non-symmetric cross-covariance), as the lemma states; (b) symmetric A, B and Suv (the use in Proposition H.11).
 * Tolerance 1e-10 * d^2 * (1+||A||)(1+||B||)(1+||W||)^2 with W the joint covariance.
 *
 * <p>Control: the Isserlis enumeration itself against a Monte Carlo mean (z = FalseAlarm.Z = 4.75, false-alarm rate about 2e-6), and
 * our general-input formula against the enumeration. Negative control: the printed formula with its third term
 * dropped must be caught on class (b).
 */
public final class LemmaH12Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.12"; }
    @Override public String name() { return "bilinear Gaussian moment (H.19)-(H.20) vs Isserlis, general and symmetric inputs"; }
    @Override public String statement() {
        return "For jointly Gaussian centred (U,V): E[(U^T A V)(U^T B V)] = tr(A Suv)tr(B Suv) + tr(A Su B Sv) + "
                + "tr(A Suv B^T Suv^T) for any A, B (H.19); Cov = tr(A Su B Sv) + tr(A Suv B^T Suv^T) (H.20).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(30, 300);
        double[] worstGeneral = new double[3];
        double[] worstSym = new double[3];
        double plantedMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(2, 4);
            for (int cls = 0; cls < 2; cls++) {
                DMatrixRMaj su, sv, suv, a, b;
                if (cls == 0) {
                    DMatrixRMaj w = RandomMatrices.spd(2 * d, 5, rng);
                    su = CommonOps_DDRM.extract(w, 0, d, 0, d);
                    sv = CommonOps_DDRM.extract(w, d, 2 * d, d, 2 * d);
                    suv = CommonOps_DDRM.extract(w, 0, d, d, 2 * d);
                    a = RandomMatrices.gaussian(d, d, rng);
                    b = RandomMatrices.gaussian(d, d, rng);
                } else {
                    SpectralModel m = SpectralInstances.random(d, 1, false, rng);
                    su = m.sigmaPre();
                    sv = su;
                    suv = m.sigmaPlusPre();
                    a = randomSymmetric(d, rng);
                    b = randomSymmetric(d, rng);
                }
                double wn = Math.max(Mat.frob(su), Math.max(Mat.frob(sv), Mat.frob(suv)));
                double tol = 1e-10 * d * d * (1 + Mat.frob(a)) * (1 + Mat.frob(b)) * (1 + wn) * (1 + wn);
                double exact = GaussianMoments.bilinearIsserlis(a, b, su, sv, suv);
                double cov = exact - GaussianMoments.bilinearMean(a, suv) * GaussianMoments.bilinearMean(b, suv);
                double[] worst = cls == 0 ? worstGeneral : worstSym;
                worst[0] = Math.max(worst[0], Math.abs(GaussianMoments.bilinearPaper(a, b, su, sv, suv) - exact) / tol);
                worst[1] = Math.max(worst[1], Math.abs(GaussianMoments.bilinearCovPaper(a, b, su, sv, suv) - cov) / tol);
                worst[2] = Math.max(worst[2], Math.abs(GaussianMoments.bilinearGeneral(a, b, su, sv, suv) - exact) / tol);
                if (cls == 1) {
                    double third = Mat.trace(Mat.mult(Mat.mult(a, suv), Mat.mult(Mat.transpose(b), Mat.transpose(suv))));
                    double planted = GaussianMoments.bilinearPaper(a, b, su, sv, suv) - third;
                    if (Math.abs(third) > 1e3 * tol) {
                        plantedMin = Math.min(plantedMin, Math.abs(planted - exact) / tol);
                    }
                }
            }
        }
        String sizes = tries + " instances per class, d in [2,4]; values in units of the tolerance";
        res.add(Evidence.atMost("(a) general A, B, Suv: max |(H.19) - Isserlis| / tol", Role.CLAIM, worstGeneral[0], 1, sizes));
        res.add(Evidence.atMost("(a) general A, B, Suv: max |(H.20) - exact covariance| / tol", Role.CLAIM, worstGeneral[1], 1, sizes));
        res.add(Evidence.atMost("(b) symmetric A, B, Suv: max |(H.19) - Isserlis| / tol", Role.CLAIM, worstSym[0], 1, sizes));
        res.add(Evidence.atMost("(b) symmetric A, B, Suv: max |(H.20) - exact covariance| / tol", Role.CLAIM, worstSym[1], 1, sizes));
        res.add(Evidence.atMost("our general-input form <A,Suv><B,Suv> + tr(A^T Su B Sv) + tr(A Suv^T B Suv^T) vs Isserlis "
                + "(both classes) / tol", Role.CONTROL, Math.max(worstGeneral[2], worstSym[2]), 1, sizes));
        res.add(Evidence.plantedErrorCaught("third term tr(A Suv B^T Suv^T) dropped",
                Evidence.atMost("min |planted - Isserlis| / tol over class (b)", Role.CONTROL, plantedMin, 1, "")));
        monteCarloControl(ctx, res);
        if (worstGeneral[0] > 1 || worstGeneral[1] > 1) {
            res.discrepancyNote("the printed (H.19)/(H.20) hold for symmetric A, B, Suv but not for general ones as "
                    + "stated ('any A, B'); the general form is <A,Suv><B,Suv> + tr(A^T Su B Sv) + tr(A Suv^T B Suv^T)");
        }
        return res.build();
    }

    /** The Isserlis enumeration against a Monte Carlo mean, on one general instance. */
    private void monteCarloControl(CheckContext ctx, CheckResult.Builder res) {
        Rng rng = ctx.rng(claimId() + "/mc", 0);
        int d = 3;
        DMatrixRMaj w = RandomMatrices.spd(2 * d, 5, rng);
        DMatrixRMaj su = CommonOps_DDRM.extract(w, 0, d, 0, d);
        DMatrixRMaj sv = CommonOps_DDRM.extract(w, d, 2 * d, d, 2 * d);
        DMatrixRMaj suv = CommonOps_DDRM.extract(w, 0, d, d, 2 * d);
        DMatrixRMaj a = RandomMatrices.gaussian(d, d, rng);
        DMatrixRMaj b = RandomMatrices.gaussian(d, d, rng);
        DMatrixRMaj root = twostage.linalg.SymmetricEigen.of(w).apply(Math::sqrt);
        int n = ctx.scale().pick(200_000, 2_000_000);
        double[] prod = new double[n];
        for (int s = 0; s < n; s++) {
            double[] g = rng.gaussians(2 * d);
            double[] uv = SpectralLoss.times(root, g);
            double[] u = java.util.Arrays.copyOfRange(uv, 0, d);
            double[] v = java.util.Arrays.copyOfRange(uv, d, 2 * d);
            prod[s] = SpectralLoss.quad(a, u, v) * SpectralLoss.quad(b, u, v);
        }
        MonteCarlo mc = MonteCarlo.of(prod);
        res.add(Evidence.withinSE("Monte Carlo E[(U^T A V)(U^T B V)] vs Isserlis enumeration", Role.CONTROL, mc.mean(),
                GaussianMoments.bilinearIsserlis(a, b, su, sv, suv), mc.standardError(), FalseAlarm.Z,
                n + " draws, d=3, general instance"));
        res.add(Evidence.info("Monte Carlo E[...] - printed (H.19) on the same general instance, in SE",
                (mc.mean() - GaussianMoments.bilinearPaper(a, b, su, sv, suv)) / mc.standardError(), ""));
    }
}
