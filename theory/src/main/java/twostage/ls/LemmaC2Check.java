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
 * Lemma C.2 (p. 29): for symmetric PSD S, tr(S^+ S) = rank S. Instances S = G G^T with G p x r Gaussian
 * (p in [1, 8], r in [0, p]), so rank S = r exactly. Tolerance: the rule of {@link Tolerance} with kappa = kappa(G),
 * i.e. 1e-12 * 2p * cond(S) with cond(S) = lambda_max / lambda_min+ (S is already a Gram matrix).
 *
 * <p>Negative control: a ridge inverse (S + 1e-3 ||S|| I)^{-1} in place of S^+ gives a trace below r on every
 * instance with r > 0. Deterministic (no false alarm).
 */
public final class LemmaC2Check implements Check {

    @Override public String claimId() { return "Lemma C.2"; }
    @Override public String name() { return "tr(S+ S) = rank S on random PSD matrices of every rank"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "For a symmetric positive semi-definite p x p matrix S, the trace of S+ S equals the rank of S.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        Worst worst = Worst.max();
        Worst planted = Worst.min();
        int rankMismatch = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int p = rng.nextInt(1, 8);
            int r = rng.nextInt(0, p);
            DMatrixRMaj g = RandomMatrices.gaussian(p, r, rng);
            DMatrixRMaj s = Mat.multTransB(g, g);
            RandomMatrices.symmetrize(s);
            PseudoInverse sp = PseudoInverse.of(s);
            double tol = Tolerance.of(2 * p, Math.sqrt(Tolerance.conditionOnRange(s)));
            double tr = Mat.trace(Mat.mult(sp.pinv(), s));
            String where = "p=" + p + ", r=" + r;
            worst.record(Math.abs(tr - r), tol, where);
            if (sp.rank() != r) {
                rankMismatch++;
            }
            if (r > 0) {
                DMatrixRMaj ridge = Mat.add(s, Mat.scale(1e-3 * Mat.opNorm(s), Mat.identity(p)));
                DMatrixRMaj inv = PseudoInverse.pinv(ridge);
                planted.record(Math.abs(Mat.trace(Mat.mult(inv, s)) - r), tol, where);
            }
        }
        res.add(Evidence.atMost("max |tr(S+ S) - r| in units of tol", Role.CLAIM, worst.ratio(), 1.0, worst.note()));
        res.add(Evidence.zero("instances where the pseudo-inverse's numerical rank differs from r", Role.CONTROL,
                rankMismatch, 0, "rank cut " + PseudoInverse.DEFAULT_REL_TOL + " relative"));
        res.add(Evidence.plantedErrorCaught("ridge inverse (S + 1e-3||S|| I)^-1 in place of S+",
                Evidence.atMost("min |tr(W S) - r| in units of tol", Role.CONTROL, planted.ratio(), 1.0,
                        planted.note())));
        return res.build();
    }
}
