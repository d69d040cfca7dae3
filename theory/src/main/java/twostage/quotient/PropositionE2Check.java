package twostage.quotient;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.residual.SlopeEvidence;
import twostage.residual.TaylorSlope;
import twostage.residual.TheoryCheck;

/**
 * Proposition E.2 (p. 45): under equivariance psi(x, gA) = rho(g) psi(x, A), the intrinsic feature section
 * Phi_x([A]) = [A, psi(x, A)] of the associated bundle is well defined, and C^k when psi is.
 *
 * <p>Computable content on psi(x, A) = A x with O(k) (d = 5, k = 3; 15 (CI) / 60 (PAPER) random A, Q, x):
 * <ul>
 *   <li>equivariance ||psi(x, QA) - Q psi(x, A)||;</li>
 *   <li>well-definedness: for A' = QA the group element recovered from the representatives, g = A'A^+, maps
 *   (A, psi(x, A)) to (A', psi(x, A')), i.e. psi(x, A') = g psi(x, A); and the orbit-invariant Gram
 *   psi(x, A)^T psi(x', A) is unchanged;</li>
 *   <li>smoothness in the trivialisations given by two local sections (the eigen-section and the H.1 reference
 *   section): along tangent curves M(t), the symmetric second difference ||phi(M(t)) + phi(M(-t)) - 2 phi(M)|| of the
 *   coordinate phi(x, M) = s(M) x is O(t^2): log-log slope at least 2 - 0.3 in t (a C^2 map; no derivative formula
 *   needed; a larger slope only means a small second derivative along that curve), and the
 *   two coordinates are related by the orthogonal g(M) = s_e(M) s_r(M)^+.</li>
 * </ul>
 * Negative controls: rho(Q) = Q^T in place of Q breaks equivariance; a trivialisation whose sign flips with the curve
 * parameter (s(M(t)) multiplied by sign(t)) is not smooth: its second difference does not shrink.
 *
 * <p>Deterministic given the seed (exact comparisons and slope fits; no statistical false alarm).
 */
public final class PropositionE2Check extends TheoryCheck {

    public PropositionE2Check() {
        super("Proposition E.2", "intrinsic feature section [A, psi(x, A)]: equivariance, well-definedness, smoothness",
                "Under psi(x, g.A) = rho(g) psi(x, A), Phi_x([A]) := [A, psi(x, A)] is a well-defined section of the "
                        + "associated bundle E = (U x R^p)/~, and it is C^k if A -> psi(x, A) is C^k.");
    }

    static TaylorSlope secondDifference(Function<Double, DMatrixRMaj> coordinate) {
        DMatrixRMaj c0 = coordinate.apply(0.0);
        return TaylorSlope.of(TaylorSlope.defaultSteps(), t -> Mat.frob(Mat.sub(
                Mat.add(coordinate.apply(t), coordinate.apply(-t)), Mat.scale(2, c0))), 1e-12);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(15, 60);
        LinearOrthogonalModel model = new LinearOrthogonalModel(5, 3);
        double worstEq = 0;
        double worstWell = 0;
        double worstGram = 0;
        double worstGauge = 0;
        double plantedEq = 0;
        TaylorSlope worst = null;
        TaylorSlope planted = null;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            DMatrixRMaj a = model.randomRepresentative(rng);
            DMatrixRMaj q = RandomMatrices.haarOrthogonal(3, rng);
            DMatrixRMaj x = RandomMatrices.gaussian(5, 1, rng);
            DMatrixRMaj x2 = RandomMatrices.gaussian(5, 1, rng);
            DMatrixRMaj qa = model.act(q, a);
            DMatrixRMaj psi = model.features(a, x);
            DMatrixRMaj psiQ = model.features(qa, x);
            double scale = 1 + Mat.frob(psi);
            worstEq = Math.max(worstEq, Mat.dist(psiQ, Mat.mult(q, psi)) / scale);
            plantedEq = Math.max(plantedEq, Mat.dist(psiQ, Mat.mult(Mat.transpose(q), psi)) / scale);
            DMatrixRMaj g = model.relate(qa, a);
            worstWell = Math.max(worstWell, Mat.dist(psiQ, Mat.mult(g, psi)) / scale);
            double gram = Mat.multTransA(psi, model.features(a, x2)).get(0, 0);
            double gramQ = Mat.multTransA(psiQ, model.features(qa, x2)).get(0, 0);
            worstGram = Math.max(worstGram, Math.abs(gram - gramQ) / (1 + Math.abs(gram)));
            TangentCurve curve = new TangentCurve(a, Mat.scale(0.5, RandomMatrices.gaussian(3, 5, rng)));
            ReferenceSection ref = ReferenceSection.at(curve.at(0), 3);
            DMatrixRMaj base = model.eigenSection(curve.at(0));
            TaylorSlope se = secondDifference(s -> Mat.mult(model.eigenSection(curve.at(s), base), x));
            TaylorSlope sr = secondDifference(s -> Mat.mult(ref.section(curve.at(s)), x));
            for (TaylorSlope s : new TaylorSlope[] {se, sr}) {
                if (worst == null || s.slope() < worst.slope()) {
                    worst = s;
                }
            }
            TaylorSlope flip = secondDifference(s -> Mat.scale(s < 0 ? -1 : 1,
                    Mat.mult(model.eigenSection(curve.at(s), base), x)));
            if (planted == null || flip.slope() < planted.slope()) {
                planted = flip;
            }
            DMatrixRMaj m1 = curve.at(0.05);
            DMatrixRMaj se1 = model.eigenSection(m1, base);
            DMatrixRMaj sr1 = ref.section(m1);
            DMatrixRMaj gm = model.relate(se1, sr1);
            worstGauge = Math.max(worstGauge, Math.max(LinearOrthogonalModel.orthogonalityDefect(gm),
                    Mat.dist(Mat.mult(se1, x), Mat.mult(gm, Mat.mult(sr1, x))) / scale));
        }
        String inst = tries + " random (A, Q, x), d = 5, k = 3";
        res.add(Evidence.zero("max ||psi(x, QA) - Q psi(x, A)|| / (1 + ||psi||)", Role.CLAIM, worstEq, 1e-12, inst));
        res.add(Evidence.zero("max ||psi(x, A') - g psi(x, A)||, g = A'A+ recovered from the orbit", Role.CLAIM,
                worstWell, 1e-10, "[A', psi(x, A')] = [A, psi(x, A)]"));
        res.add(Evidence.zero("max relative change of the invariant Gram psi(x,A)^T psi(x',A) under A -> QA", Role.CLAIM,
                worstGram, 1e-12, ""));
        res.add(Evidence.atLeast("smallest slope of the symmetric second difference of s(M(t)) x (both sections)",
                Role.CLAIM, worst.slope(), 2 - SlopeEvidence.TOLERANCE,
                "C^2 coordinates of Phi_x in the eigen and H.1 trivialisations: O(t^2) or smaller; " + worst));
        res.add(Evidence.zero("max over M of ||g^T g - I|| and ||s_e x - g s_r x||, g = s_e s_r^+", Role.CLAIM,
                worstGauge, 1e-10, "the two trivialisations differ by rho(g(M))"));
        res.add(Evidence.plantedErrorCaught("rho(Q) = Q^T",
                Evidence.zero("max ||psi(x, QA) - Q^T psi(x, A)|| / (1 + ||psi||)", Role.CONTROL, plantedEq, 1e-12, "")));
        res.add(Evidence.plantedErrorCaught("trivialisation with sign(t) flip along the curve",
                Evidence.atLeast("smallest slope of the second difference with the flip", Role.CONTROL, planted.slope(),
                        2 - SlopeEvidence.TOLERANCE, planted.toString())));
        return res.build();
    }
}
