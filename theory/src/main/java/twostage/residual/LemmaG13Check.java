package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma G.13 (p. 60): on the stable-rank region the Moore-Penrose map is differentiable with derivative (G.4)
 * D(A^+)[H] = -A^+HA^+ + (A^+)^2 H (I - AA^+) + (I - A^+A) H (A^+)^2, and ||D(A^+)[H]||_op <= C_kappa ||H||_op.
 *
 * <p>Instances: A = U Lambda U^T, d in [3, 7], rank r in [1, d-1], eigenvalues in [0.5, 2.5] (so kappa >= 0.5), U
 * orthonormal. Along the rank-r curve B(t) = (U + tU')Lambda(U + tU')^T with H = B'(0):
 * <ul>
 *   <li>Taylor slope: ||pinv(B(t)) - A^+ - t D(A^+)[H]||_F over t = 1e-1..1e-4 must have log-log slope at least 2 - 0.3 on
 *   every instance (deterministic; no false alarm beyond round-off);</li>
 *   <li>central difference at t = 1e-5 against (G.4), relative error <= 1e-6 (the catalogue's DERIVATIVE rule);</li>
 *   <li>the bound: ||D(A^+)[H]||_op / ||H||_op <= 3 / kappa^2, kappa = lambda_r(A) (each term is at most
 *   ||H||/kappa^2).</li>
 * </ul>
 * Negative controls: (G.4) without its second term, without its third term (slope drops to 1), and the full formula
 * along the non-tangent curve A + tE with E positive definite (the rank jumps; the remainder blows up as t -> 0).
 */
public final class LemmaG13Check extends TheoryCheck {

    public LemmaG13Check() {
        super("Lemma G.13", "pseudo-inverse derivative (G.4) on rank-r curves: Taylor slope, FD, bound",
                "For symmetric PSD A of rank r with lambda_r(A) >= kappa > 0, the Moore-Penrose map restricted to "
                        + "{B PSD, rank B = r, lambda_r(B) >= kappa} is Frechet differentiable at A with D(A+)[H] = "
                        + "-A+HA+ + (A+)^2 H (I - AA+) + (I - A+A) H (A+)^2, and ||D(A+)[H]||op <= C_kappa ||H||op.");
    }

    /** One random rank-r instance: the curve's pieces. */
    record Instance(DMatrixRMaj u, DMatrixRMaj lambda, DMatrixRMaj udot) {
        DMatrixRMaj at(double t) {
            DMatrixRMaj ut = Mat.add(u, Mat.scale(t, udot));
            DMatrixRMaj b = Mat.mult(ut, lambda, Mat.transpose(ut));
            FunctionSpace.symmetrize(b);
            return b;
        }

        DMatrixRMaj a() {
            return at(0);
        }

        DMatrixRMaj tangent() {
            DMatrixRMaj x = Mat.mult(udot, lambda, Mat.transpose(u));
            return Mat.add(x, Mat.transpose(x));
        }

        static Instance random(Rng rng) {
            int d = rng.nextInt(3, 7);
            int r = rng.nextInt(1, d - 1);
            DMatrixRMaj u = RandomMatrices.orthonormalColumns(d, r, rng);
            DMatrixRMaj lam = new DMatrixRMaj(r, r);
            for (int i = 0; i < r; i++) {
                lam.set(i, i, 0.5 + 2 * rng.nextDouble());
            }
            return new Instance(u, lam, RandomMatrices.gaussian(d, r, rng));
        }
    }

    static TaylorSlope slope(Instance in, boolean t1, boolean t2, boolean t3) {
        DMatrixRMaj a = in.a();
        DMatrixRMaj pa = PseudoInverse.pinv(a);
        DMatrixRMaj d = PseudoInverseDerivative.of(a, in.tangent(), t1, t2, t3);
        return TaylorSlope.of(t -> Mat.dist(PseudoInverse.pinv(in.at(t)), Mat.add(pa, Mat.scale(t, d))));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(12, 60);
        TaylorSlope worst = null;
        double worstFd = 0;
        double worstRatio = 0;
        TaylorSlope drop2 = null;
        TaylorSlope drop3 = null;
        double maxNonTangent = Double.NEGATIVE_INFINITY;
        TaylorSlope nonTangent = null;
        for (int k = 0; k < tries; k++) {
            Rng rng = ctx.rng(claimId(), k);
            Instance in = Instance.random(rng);
            TaylorSlope s = slope(in, true, true, true);
            if (worst == null || s.slope() < worst.slope()) {
                worst = s;
            }
            DMatrixRMaj a = in.a();
            DMatrixRMaj h = in.tangent();
            DMatrixRMaj formula = PseudoInverseDerivative.of(a, h);
            double step = 1e-5;
            DMatrixRMaj fd = Mat.scale(1 / (2 * step),
                    Mat.sub(PseudoInverse.pinv(in.at(step)), PseudoInverse.pinv(in.at(-step))));
            worstFd = Math.max(worstFd, Mat.dist(fd, formula) / Math.max(1e-12, Mat.frob(formula)));
            double kappa = Double.POSITIVE_INFINITY;
            for (int i = 0; i < in.lambda().numRows; i++) {
                kappa = Math.min(kappa, in.lambda().get(i, i));
            }
            worstRatio = Math.max(worstRatio, Mat.opNorm(formula) / Mat.opNorm(h) * kappa * kappa / 3);
            TaylorSlope s2 = slope(in, true, false, true);
            TaylorSlope s3 = slope(in, true, true, false);
            if (drop2 == null || s2.slope() < drop2.slope()) {
                drop2 = s2;
            }
            if (drop3 == null || s3.slope() < drop3.slope()) {
                drop3 = s3;
            }
            // non-tangent direction: A + tE with E positive definite (rank jumps to d)
            DMatrixRMaj e = RandomMatrices.spd(a.numRows, 3, rng);
            DMatrixRMaj pe = PseudoInverseDerivative.of(a, e);
            DMatrixRMaj pa = PseudoInverse.pinv(a);
            TaylorSlope nt = TaylorSlope.of(t -> Mat.dist(PseudoInverse.pinv(Mat.add(a, Mat.scale(t, e))),
                    Mat.add(pa, Mat.scale(t, pe))));
            if (nonTangent == null || nt.slope() < nonTangent.slope()) {
                maxNonTangent = nt.slope();
                nonTangent = nt;
            }
        }
        String inst = tries + " random rank-r PSD A (d in [3,7], r in [1,d-1], eigenvalues in [0.5,2.5]), curve "
                + "B(t) = (U+tU')Lambda(U+tU')^T";
        res.add(SlopeEvidence.slope("worst Taylor-remainder slope of pinv along the rank-r curve with (G.4)",
                Role.CLAIM, worst, 2.0, inst));
        res.add(Evidence.atMost("max relative error of central FD (h=1e-5) vs (G.4)", Role.CLAIM, worstFd, 1e-6,
                "DERIVATIVE rule of claims.md section 0"));
        res.add(Evidence.atMost("max ||D(A+)[H]||op / ||H||op in units of 3/kappa^2", Role.CLAIM, worstRatio, 1.0,
                "C_kappa = 3/kappa^2 from ||A+||op <= 1/kappa"));
        res.add(Evidence.plantedErrorCaught("(G.4) without the term (A+)^2 H (I - AA+)",
                SlopeEvidence.slope("smallest slope without the second term", Role.CONTROL, drop2, 2.0, "")));
        res.add(Evidence.plantedErrorCaught("(G.4) without the term (I - A+A) H (A+)^2",
                SlopeEvidence.slope("smallest slope without the third term", Role.CONTROL, drop3, 2.0, "")));
        res.add(Evidence.plantedErrorCaught("direction A + tE with E positive definite (not tangent to rank r)",
                SlopeEvidence.slope("smallest slope along the non-tangent curve", Role.CONTROL, nonTangent, 2.0, "")));
        res.attach(Attachment.csv("g13-worst-remainders.csv", worst.csv()));
        return res.build();
    }
}
