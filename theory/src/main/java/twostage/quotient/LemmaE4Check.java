package twostage.quotient;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.residual.SlopeEvidence;
import twostage.residual.TaylorSlope;
import twostage.residual.TheoryCheck;

/**
 * Lemma E.4 (p. 46), gauge rule: for two lifts s, s' with s'(M) = g(M) s(M), phi'(x, M) = rho(g(M)) phi(x, M); so the
 * minimum-norm OLS predictor does not depend on the lift.
 *
 * <p>On psi(x, A) = A x with O(k) (d = 5, k = 3): lift 1 = the H.1 reference section with U* from M*, lift 2 = the
 * eigen-section (twostage.geometry), row signs aligned to its value at M* (the plain largest-entry sign rule jumps on
 * some curves, so it is not a C^k lift there). At 20 points M = M(t) on random tangent curves through M* (|t| <= 0.1), over 15
 * (CI) / 60 (PAPER) random M*: g(M) = s2(M) s1(M)^+ is orthogonal, s2 = g s1, phi2 = g phi1 at random x; the min-norm
 * OLS predictions at new inputs from a design of n = 2 (fewer rows than k = 3, so the solution is not unique) and of
 * n = 10 agree for the two lifts (tolerance 1e-10). g(M) is continuous (Lipschitz) in M: ||g(M(t)) - g(M*)|| has
 * log-log slope at least 1 - 0.3 in t. Negative controls: a wrong gauge element g R (R a reflection) fails phi2 = g phi1; a
 * non-orthogonal change of coordinates g diag(2, 1, 1) changes the min-norm predictor on the n = 2 design.
 *
 * <p>Deterministic given the seed (exact comparisons and slope fits; no statistical false alarm).
 */
public final class LemmaE4Check extends TheoryCheck {

    public LemmaE4Check() {
        super("Lemma E.4", "gauge rule phi' = rho(g(M)) phi for the H.1 and eigen lifts; min-norm predictor unchanged",
                "If phi and phi' are induced by lifts s and s' = g(M).s, then phi'(x, M) = rho(g(M)) phi(x, M) for all x "
                        + "and M.");
    }

    /** Min-norm OLS predictions at the rows of xNew (columns = inputs) from features F(x) = S x. */
    static DMatrixRMaj predict(DMatrixRMaj s, DMatrixRMaj xTrain, DMatrixRMaj y, DMatrixRMaj xNew) {
        DMatrixRMaj phi = Mat.transpose(Mat.mult(s, xTrain));
        DMatrixRMaj theta = Mat.mult(PseudoInverse.pinv(phi), y);
        return Mat.multTransA(Mat.mult(s, xNew), theta);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(15, 60);
        LinearOrthogonalModel model = new LinearOrthogonalModel(5, 3);
        double worstOrth = 0;
        double worstLift = 0;
        double worstFeat = 0;
        double worstPred = 0;
        double plantedFeat = 0;
        double plantedPred = 0;
        TaylorSlope worstCont = null;
        DMatrixRMaj refl = Mat.identity(3);
        refl.set(0, 0, -1);
        DMatrixRMaj stretch = Mat.identity(3);
        stretch.set(0, 0, 2);
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            DMatrixRMaj a = model.randomRepresentative(rng);
            TangentCurve curve = new TangentCurve(a, Mat.scale(0.5, RandomMatrices.gaussian(3, 5, rng)));
            ReferenceSection ref = ReferenceSection.at(curve.at(0), 3);
            DMatrixRMaj base = model.eigenSection(curve.at(0));
            for (int j = 0; j < 20; j++) {
                DMatrixRMaj m = curve.at(0.1 * (2 * rng.nextDouble() - 1));
                DMatrixRMaj s1 = ref.section(m);
                DMatrixRMaj s2 = model.eigenSection(m, base);
                DMatrixRMaj g = model.relate(s2, s1);
                worstOrth = Math.max(worstOrth, LinearOrthogonalModel.orthogonalityDefect(g));
                worstLift = Math.max(worstLift, Mat.dist(s2, Mat.mult(g, s1)) / Mat.frob(s2));
                DMatrixRMaj x = RandomMatrices.gaussian(5, 1, rng);
                DMatrixRMaj phi1 = Mat.mult(s1, x);
                DMatrixRMaj phi2 = Mat.mult(s2, x);
                worstFeat = Math.max(worstFeat, Mat.dist(phi2, Mat.mult(g, phi1)) / (1 + Mat.frob(phi2)));
                plantedFeat = Math.max(plantedFeat, Mat.dist(phi2, Mat.mult(g, refl, phi1)) / (1 + Mat.frob(phi2)));
                DMatrixRMaj xNew = RandomMatrices.gaussian(5, 4, rng);
                for (int n : new int[] {2, 10}) {
                    DMatrixRMaj xTrain = RandomMatrices.gaussian(5, n, rng);
                    DMatrixRMaj y = RandomMatrices.gaussian(n, 1, rng);
                    DMatrixRMaj p1 = predict(s1, xTrain, y, xNew);
                    DMatrixRMaj p2 = predict(s2, xTrain, y, xNew);
                    worstPred = Math.max(worstPred, Mat.dist(p1, p2) / (1 + Mat.frob(p1)));
                    if (n == 2) {
                        DMatrixRMaj p3 = predict(Mat.mult(g, stretch, s1), xTrain, y, xNew);
                        plantedPred = Math.max(plantedPred, Mat.dist(p1, p3) / (1 + Mat.frob(p1)));
                    }
                }
            }
            DMatrixRMaj g0 = model.relate(model.eigenSection(curve.at(0)), ref.section(curve.at(0)));
            TaylorSlope cont = TaylorSlope.of(TaylorSlope.defaultSteps(), h -> {
                DMatrixRMaj mh = curve.at(h);
                return Mat.dist(model.relate(model.eigenSection(mh, base), ref.section(mh)), g0);
            }, 1e-13);
            if (worstCont == null || cont.slope() < worstCont.slope()) {
                worstCont = cont;
            }
        }
        String inst = tries + " random M* x 20 points M, d = 5, k = 3";
        res.add(Evidence.zero("max ||g^T g - I||, g = s2 s1^+", Role.CLAIM, worstOrth, 1e-10, inst));
        res.add(Evidence.zero("max ||s2 - g s1|| / ||s2||", Role.CLAIM, worstLift, 1e-10, ""));
        res.add(Evidence.zero("max ||phi2(x, M) - g(M) phi1(x, M)|| / (1 + ||phi2||)", Role.CLAIM, worstFeat, 1e-10, ""));
        res.add(Evidence.zero("max relative gap of min-norm OLS predictions between the lifts (n = 2, 10)", Role.CLAIM,
                worstPred, 1e-10, "Lemma 4.1 consequence"));
        res.add(SlopeEvidence.slope("worst log-log slope of ||g(M(t)) - g(M*)|| in t", Role.CLAIM, worstCont, 1.0,
                "g(M) continuous (Lipschitz) near M*"));
        res.add(Evidence.plantedErrorCaught("wrong gauge element g R (R = reflection of the first axis)",
                Evidence.zero("max ||phi2 - g R phi1|| / (1 + ||phi2||)", Role.CONTROL, plantedFeat, 1e-10, "")));
        res.add(Evidence.plantedErrorCaught("non-orthogonal coordinate change g diag(2,1,1), n = 2",
                Evidence.zero("max relative gap of predictions", Role.CONTROL, plantedPred, 1e-10, "")));
        return res.build();
    }
}
