package twostage.ls;

import twostage.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;

/**
 * Lemma C.9 (p. 32): for h in H, Ev_n(Pi_n h) = Ev_n(h), so ||h - Pi_n h||_n = 0. On random G-LIN laws and designs
 * with n < p (rank-deficient Phi), n > p, and collinear population features; h = T theta for random theta.
 * Illustration (INFO): when ker Phi is not inside ker T (n < p), Pi_n h differs from h off the sample; the largest
 * off-sample L2 distance ||Pi_n h - h||_L2 / ||h||_L2 is reported. Tolerance {@link Tolerance#forDesign} times
 * max(1, ||Ev_n h||_inf).
 *
 * <p>Negative control: the empirical covariance Sigma_n replaced by the population Sigma in the projector
 * (theta = Sigma^+ T^adj_n h) must fail to reproduce h on the sample. Deterministic (no false alarm).
 */
public final class LemmaC9Check implements Check {

    @Override public String claimId() { return "Lemma C.9"; }
    @Override public String name() { return "empirical projector reproduces H_Omega on the sample (G-LIN)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "For every h in H_Omega, Ev_n(Pi_n h) = Ev_n(h), hence ||h - Pi_n h||_n = 0 (values off the sample may "
                + "differ when ker Phi is not contained in ker T).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(40, 400);
        Worst onSample = Worst.max();
        Worst planted = Worst.min();
        double offSample = 0;
        int kernelCases = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.LinCase lc = RandomInstances.linCase(t, rng, false);
            FiniteSupportLaw law = lc.law();
            int[] design = lc.design();
            int n = lc.n();
            int k = lc.p();
            DMatrixRMaj phi = lc.phi();
            double[] h = law.forward(rng.gaussians(k));
            double[] hn = law.evaluate(design, h);
            double tol = Tolerance.forDesign(phi);
            String where = "n=" + n + ", p=" + k;
            double[] pih = EmpiricalProjector.of(law, design).apply(h);
            onSample.record(Vectors.maxDiff(law.evaluate(design, pih), hn) / Vectors.scaleOf(hn), tol, where);
            if (PseudoInverse.of(phi).rank() < PseudoInverse.of(law.features()).rank()) {
                kernelCases++;
                double[] diff = Vectors.sub(pih, h);
                offSample = Math.max(offSample, Math.sqrt(law.normSquared(diff) / law.normSquared(h)));
            }
            DMatrixRMaj sigmaPinv = PseudoInverse.pinv(law.sigma());
            double[] adj = EmpiricalProjector.of(phi).adjoint(hn);
            double[] wrong = Mat.mult(phi, Mat.mult(sigmaPinv, Mat.col(adj))).getData();
            planted.record(Vectors.maxDiff(wrong, hn) / Vectors.scaleOf(hn), tol, where);
        }
        res.add(Evidence.atMost("max |Ev_n(Pi_n h) - Ev_n(h)|_inf / |Ev_n h|_inf in units of tol", Role.CLAIM,
                onSample.ratio(), 1.0, onSample.note()));
        res.add(Evidence.atLeast("designs with ker Phi not inside ker T (n < p)", Role.CONTROL, kernelCases, 1,
                "the rank-deficient case the catalogue asks to include"));
        res.add(Evidence.info("max off-sample ||Pi_n h - h||_L2 / ||h||_L2 when ker Phi is not inside ker T",
                offSample, "Lemma C.9 makes no claim off the sample; this shows why it cannot"));
        res.add(Evidence.plantedErrorCaught("population Sigma in place of Sigma_n in the projector",
                Evidence.atMost("min |Phi Sigma+ T^adj_n h - Ev_n h|_inf / |Ev_n h|_inf in units of tol",
                        Role.CONTROL, planted.ratio(), 1.0, planted.note())));
        return res.build();
    }
}
