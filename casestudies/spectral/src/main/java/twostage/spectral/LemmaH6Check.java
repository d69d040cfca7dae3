package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;

/**
 * Lemma H.6 (p. 75): for X with a density and Sigma_down &gt; 0, fixed M near M* and n &gt;= k, rank Sigma_n(M) = k almost
 * surely, so the empirical projector is the identity on H_M. Gaussian designs with n in {k, k+1, 3k}: the rank of
 * Phi = X s(M)^T is k in every replicate (rank cut 1e-10 relative), and min-norm OLS of h = theta^T phi on the design
 * returns theta exactly (relative 1e-8 times the condition number of Phi). Negative control: inputs supported on a
 * (k-1)-dimensional subspace give rank &lt; k in every replicate.
 */
public final class LemmaH6Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.6"; }
    @Override public String name() { return "rank Sigma_n(M) = k almost surely for n >= k; Pi_{M,n} h = h on H_M"; }
    @Override public String statement() {
        return "If X has a density and Sigma_down > 0, then for fixed M near M* and n >= k, rank Sigma_n(M) = k with "
                + "probability one, hence Pi_{M,n} acts as the identity on H_M.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int reps = ctx.scale().pick(2000, 10000);
        SpectralModel model = SpectralInstances.random(5, 2, false, ctx.rng(claimId() + "/model", 0));
        int k = model.k();
        DMatrixRMaj s = model.section().apply(SpectralInstances.near(model, 0.05, ctx.rng(claimId() + "/model", 1)));
        PositivePairSampler sampler = PositivePairSampler.of(model);
        int deficient = 0;
        int plantedFull = 0;
        double worstRepro = 0;
        DMatrixRMaj basis = Mat.transpose(s);
        for (int r = 0; r < reps; r++) {
            Rng rng = ctx.rng(claimId(), r);
            int n = new int[] {k, k + 1, 3 * k}[r % 3];
            DMatrixRMaj x = sampler.downstreamInputs(n, rng);
            DMatrixRMaj phi = Mat.multTransB(x, s);
            PseudoInverse pi = PseudoInverse.of(phi);
            deficient += pi.rank() == k ? 0 : 1;
            double[] theta = rng.gaussians(k);
            DMatrixRMaj h = Mat.mult(phi, Mat.col(theta));
            DMatrixRMaj fit = Mat.mult(pi.pinv(), h);
            double cond = Mat.cond(phi);
            worstRepro = Math.max(worstRepro, Mat.dist(fit, Mat.col(theta)) / (Math.sqrt(k) * cond * 1e-8 * (1 + norm(theta))));
            // planted: inputs in a (k-1)-dimensional subspace of the row space of s
            DMatrixRMaj coef = twostage.random.RandomMatrices.gaussian(n, k - 1, rng);
            DMatrixRMaj xs = Mat.mult(coef, org.ejml.dense.row.CommonOps_DDRM.extract(Mat.transpose(basis), 0, k - 1, 0, 5));
            plantedFull += PseudoInverse.of(Mat.multTransB(xs, s)).rank() == k ? 1 : 0;
        }
        String note = reps + " Gaussian designs, n cycling over {k, k+1, 3k}, d=5, k=2";
        res.add(Evidence.zero("number of designs with rank Phi < k", Role.CLAIM, deficient, 0, note));
        res.add(Evidence.atMost("max OLS reproduction error of h in H_M in units of 1e-8 sqrt(k) cond(Phi)(1+|theta|)",
                Role.CLAIM, worstRepro, 1, note));
        res.add(Evidence.plantedErrorCaught("inputs on a (k-1)-dimensional subspace",
                Evidence.zero("number of designs with rank Phi < k", Role.CONTROL, reps - plantedFull, 0, note)));
        return res.build();
    }

    private static double norm(double[] v) {
        return LemmaH3Check.norm(v);
    }
}
