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
 * Lemma C.4 (p. 29): the hat matrix H = Phi (Phi^T Phi)^+ Phi^T is the orthogonal projector of R^n onto Im Phi:
 * H^2 = H, H^T = H, H Phi = Phi, and tr H = rank Phi = rank Sigma_n. Random designs of four kinds (tall, wide n < p,
 * collinear columns, low rank); H is also compared with Phi Phi^+ (the projector of Lemma C.1 built from the SVD
 * pseudo-inverse of Phi itself, not of its Gram matrix). Tolerance: {@link Tolerance#forDesign}, residuals relative to
 * ||H||_F or ||Phi||_F.
 *
 * <p>Negative control: the oblique projector P = Phi (Z^T Phi)^+ Z^T (Z random n x p) is idempotent, fixes Phi and has
 * trace rank Phi, but is not symmetric: the symmetry comparison must fail on every instance with rank Phi < n.
 * A hat matrix built from a non-symmetric generalized inverse G of Phi^T Phi (Phi^T Phi G Phi^T Phi = Phi^T Phi) is
 * NOT a valid planted error: Phi G Phi^T does not depend on the choice of G; this invariance is recorded as a control.
 * Deterministic (no false alarm).
 */
public final class LemmaC4Check implements Check {

    @Override public String claimId() { return "Lemma C.4"; }
    @Override public String name() { return "hat matrix is the orthogonal projector onto Im Phi"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "H = Phi (Phi^T Phi)+ Phi^T satisfies H^2 = H, H^T = H, H Phi = Phi; it is the Euclidean orthogonal "
                + "projector onto Im Phi and tr H = rank Phi = rank Sigma_n.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        Worst idem = Worst.max();
        Worst sym = Worst.max();
        Worst fixes = Worst.max();
        Worst trace = Worst.max();
        Worst svd = Worst.max();
        Worst gInverse = Worst.max();
        Worst plantedSym = Worst.min();
        int rankMismatch = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.Design d = RandomInstances.design(t, rng);
            DMatrixRMaj phi = d.phi();
            int n = phi.numRows;
            int p = phi.numCols;
            double tol = Tolerance.forDesign(phi);
            DMatrixRMaj h = HatMatrix.of(phi).matrix();
            double hNorm = Math.max(1, Mat.frob(h));
            idem.record(Mat.dist(Mat.mult(h, h), h) / hNorm, tol, d.describe());
            sym.record(Mat.dist(h, Mat.transpose(h)) / hNorm, tol, d.describe());
            fixes.record(Mat.dist(Mat.mult(h, phi), phi) / Math.max(1e-300, Mat.frob(phi)), tol, d.describe());
            EffectiveDimension e = EffectiveDimension.of(phi);
            trace.record(Math.max(Math.abs(Mat.trace(h) - e.rankPhi()), Math.abs(Mat.trace(h) - e.rankSigmaN())), tol,
                    d.describe());
            if (e.rankPhi() != d.rank() || e.rankSigmaN() != d.rank()) {
                rankMismatch++;
            }
            svd.record(Mat.dist(h, Mat.mult(phi, PseudoInverse.pinv(phi))) / hNorm, tol, d.describe());
            // any generalized inverse G of A = Phi^T Phi gives the same Phi G Phi^T
            DMatrixRMaj a = Mat.multTransA(phi, phi);
            DMatrixRMaj ap = PseudoInverse.pinv(a);
            DMatrixRMaj left = Mat.sub(Mat.identity(p), Mat.mult(ap, a));
            DMatrixRMaj right = Mat.sub(Mat.identity(p), Mat.mult(a, ap));
            DMatrixRMaj g = Mat.add(ap, Mat.add(Mat.mult(left, RandomMatrices.gaussian(p, p, rng)),
                    Mat.mult(RandomMatrices.gaussian(p, p, rng), right)));
            gInverse.record(Mat.dist(Mat.mult(phi, Mat.multTransB(g, phi)), h) / hNorm, tol * Math.max(1, Mat.frob(g)
                    * Mat.opNorm(a)), d.describe());
            if (d.rank() < n) {
                DMatrixRMaj z = RandomMatrices.gaussian(n, p, rng);
                DMatrixRMaj oblique = Mat.mult(phi, Mat.multTransB(PseudoInverse.pinv(Mat.multTransA(z, phi)), z));
                double oNorm = Math.max(1, Mat.frob(oblique));
                plantedSym.record(Mat.dist(oblique, Mat.transpose(oblique)) / oNorm, tol, d.describe());
            }
        }
        res.add(Evidence.atMost("max ||H^2 - H||/||H|| in units of tol", Role.CLAIM, idem.ratio(), 1.0, idem.note()));
        res.add(Evidence.atMost("max ||H - H^T||/||H|| in units of tol", Role.CLAIM, sym.ratio(), 1.0, sym.note()));
        res.add(Evidence.atMost("max ||H Phi - Phi||/||Phi|| in units of tol", Role.CLAIM, fixes.ratio(), 1.0,
                fixes.note()));
        res.add(Evidence.atMost("max |tr H - rank Phi|, |tr H - rank Sigma_n| in units of tol", Role.CLAIM,
                trace.ratio(), 1.0, trace.note()));
        res.add(Evidence.zero("designs whose numerical rank differs from the constructed rank", Role.CONTROL,
                rankMismatch, 0, ""));
        res.add(Evidence.atMost("max ||H - Phi Phi+||/||H|| in units of tol (projector from the SVD of Phi)",
                Role.CONTROL, svd.ratio(), 1.0, svd.note()));
        res.add(Evidence.atMost("max ||Phi G Phi^T - H||/||H|| for a random non-symmetric g-inverse G, in units of "
                + "tol * ||G|| ||Phi^T Phi||", Role.CONTROL, gInverse.ratio(), 1.0, gInverse.note()
                + "; the hat matrix does not depend on the generalized inverse"));
        res.add(Evidence.plantedErrorCaught("oblique projector Phi (Z^T Phi)+ Z^T in place of H",
                Evidence.atMost("min ||P - P^T||/||P|| in units of tol", Role.CONTROL, plantedSym.ratio(), 1.0,
                        plantedSym.note())));
        return res.build();
    }
}
