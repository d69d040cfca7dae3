package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma C.1 (p. 28): the Moore-Penrose identities A A^+ A = A, A^+ A A^+ = A^+, (A A^+)^T = A A^+,
 * (A^+ A)^T = A^+ A, checked on random rectangular matrices, full rank and rank-deficient. The tolerance is
 * 1e-10 * sqrt(m n) * cond(A restricted to its range) * ||A||.
 *
 * <p>Negative control: a pseudo-inverse with one singular value perturbed by 1% must violate A A^+ A = A.
 */
public final class LemmaC1Check implements Check {

    @Override public String claimId() { return "Lemma C.1"; }
    @Override public String name() { return "Moore-Penrose identities on random rank-deficient matrices"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "For any real matrix A, its pseudo-inverse A+ satisfies A A+ A = A, A+ A A+ = A+, and A A+, A+ A are "
                + "symmetric (orthogonal projectors onto Im A and Im A^T).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(40, 400);
        double worst1 = 0, worst2 = 0, worstSym = 0, worstTol = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        double plantedTol = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int m = rng.nextInt(1, 9);
            int n = rng.nextInt(1, 9);
            int r = rng.nextInt(0, Math.min(m, n));
            DMatrixRMaj a = RandomMatrices.ofRank(m, n, r, rng);
            DMatrixRMaj p = PseudoInverse.pinv(a);
            double scale = Math.max(1, Mat.frob(a));
            double tol = 1e-10 * Math.sqrt(m * n) * scale * Math.max(1, Mat.frob(p) * scale);
            double e1 = Mat.dist(Mat.mult(a, p, a), a) / scale;
            double e2 = Mat.dist(Mat.mult(p, a, p), p) / Math.max(1, Mat.frob(p));
            DMatrixRMaj ap = Mat.mult(a, p);
            DMatrixRMaj pa = Mat.mult(p, a);
            double es = Math.max(Mat.dist(ap, Mat.transpose(ap)), Mat.dist(pa, Mat.transpose(pa)));
            worst1 = Math.max(worst1, e1 / tol);
            worst2 = Math.max(worst2, e2 / tol);
            worstSym = Math.max(worstSym, es / tol);
            worstTol = Math.max(worstTol, tol);
            if (r > 0) {
                // planted error: scale the pseudo-inverse's action by 1.01 on its range
                DMatrixRMaj wrong = Mat.scale(1.01, p);
                double planted = Mat.dist(Mat.mult(a, wrong, a), a) / scale;
                plantedMin = Math.min(plantedMin, planted / tol);
            }
        }
        res.add(Evidence.atMost("max over instances of ||A A+ A - A||/||A|| in units of tol", Role.CLAIM, worst1, 1.0,
                tries + " instances, m,n in [1,8], random rank; worst tol " + worstTol));
        res.add(Evidence.atMost("max ||A+ A A+ - A+||/||A+|| in units of tol", Role.CLAIM, worst2, 1.0, ""));
        res.add(Evidence.atMost("max asymmetry of A A+ and A+ A in units of tol", Role.CLAIM, worstSym, 1.0, ""));
        res.add(Evidence.plantedErrorCaught("pseudo-inverse scaled by 1.01",
                Evidence.atMost("min ||A W A - A||/||A|| in units of tol", Role.CONTROL, plantedMin, 1.0, "")));
        return res.build();
    }
}
