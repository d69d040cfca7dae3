package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;

/**
 * Assumption G.4 (p. 53), stable limiting span of null directions: ||Pi_{B_v} - Pi_{B0}||_op -> 0 as v -> 0 for a
 * finite-dimensional B0 orthogonal to H*, where B_v = Im((I - Pi_{A_v}) T_v|N*).
 *
 * <p>Validator, computed exactly in G-GAUSS coordinates for v in {1e-1, 3e-2, ..., 1e-4}:
 * <ul>
 *   <li>Toy-NR (Sigma = I): B_v = span{x_2} for every v != 0, so the distance is 0 (to 1e-10): the limit is attained;</li>
 *   <li>Toy-NR correlated: B_v = span{(I - Pi_{x_1 + v x_3}) x_2} -> B0 = span{(I - Pi_{x_1}) x_2}; the distance must
 *   have log-log slope at least 1 - 0.3 in v (linear decay) and B0 must be orthogonal to H* (||Pi* Pi_{B0}|| <= 1e-12);</li>
 *   <li>Toy-R and a curved regular G-GAUSS instance: N* = {0}, B_v = {0} (rank 0) for all v.</li>
 * </ul>
 * Deterministic. Negative control: on the correlated variant the naive guess B0 = span{x_2} (not orthogonal to H*)
 * leaves a distance that does not vanish.
 */
public final class AssumptionG4Check extends TheoryCheck {

    public AssumptionG4Check() {
        super("Assumption G.4", "stable null span B_v -> B0 on Toy-NR (exact), correlated Toy-NR (linear), regular toys",
                "There is a finite-dimensional B0, orthogonal to H_{Omega*}, with ||Pi_{B_v} - Pi_{B0}||op -> 0 as v -> 0, "
                        + "where B_v = Im((I - Pi_{A_v}) T_v|N*) and A_v = Im(T_v|E*).");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        double[] vs = TaylorSlope.defaultSteps();
        ResidualMap nr = ToyResiduals.nonRegular();
        double worstIndep = 0;
        for (double v : vs) {
            worstIndep = Math.max(worstIndep, Math.max(nr.nullSpanDistance(new double[] {v}),
                    nr.nullSpanDistance(new double[] {-v})));
        }
        res.add(Evidence.zero("Toy-NR: max_v ||Pi_{B_v} - Pi_{B0}||op, B0 = span{x2}", Role.CLAIM, worstIndep, 1e-10,
                "v = +-1e-1 .. +-1e-4; limit attained"));
        ResidualMap cor = ToyResiduals.nonRegularCorrelated();
        TaylorSlope s = TaylorSlope.of(vs, v -> cor.nullSpanDistance(new double[] {v}), 1e-13);
        res.add(SlopeEvidence.slope("Toy-NR correlated: log-log slope of ||Pi_{B_v} - Pi_{B0}||op in v", Role.CLAIM, s,
                1.0, "B0 = span{(I - Pi_x1) x2}"));
        res.add(Evidence.info("Toy-NR correlated: distance at v = 1e-4", s.remainders()[vs.length - 1], ""));
        res.add(Evidence.zero("Toy-NR correlated: ||Pi* Pi_{B0}||op (B0 orthogonal to H*)", Role.CLAIM,
                cor.space().opNorm(Mat.mult(cor.piStar(), cor.piB0())), 1e-12, ""));
        int regularRank = 0;
        ResidualMap reg = ToyResiduals.regular();
        ResidualMap curved = ResidualMap.regular(Instances.curvedGaussian(ctx.rng(claimId(), 0), 5, 3, 3),
                Mat.col(1, -0.5, 0.25));
        for (double v : vs) {
            regularRank += reg.space().rank(reg.nullSpan(new double[] {v}));
            regularRank += curved.space().rank(curved.nullSpan(new double[] {v, -v, 0.5 * v}));
        }
        res.add(Evidence.zero("Toy-R and curved G-GAUSS: total rank of B_v over the v grid", Role.CLAIM, regularRank,
                0, "N* = {0}, so B_v = {0}"));
        DMatrixRMaj naive = Mat.col(0, 1, 0);
        ResidualMap wrong = cor.withB0(naive);
        res.add(Evidence.plantedErrorCaught("B0 = span{x2} on the correlated variant",
                Evidence.zero("||Pi_{B_v} - Pi_{span x2}||op at v = 1e-4", Role.CONTROL,
                        wrong.nullSpanDistance(new double[] {1e-4}), 1e-3, "")));
        res.attach(Attachment.csv("g4-correlated-distance.csv", s.csv()));
        return res.build();
    }
}
