package twostage.residual;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Lemma G.7 (p. 55): e_{exp(v)} = L(v) + o(||v||) in L^2 with L(v) = -(I - Pi* - Pi_{B0}) DT*[v] theta* (G.3); the
 * proof's exact identity e_{Omega(v)} = -(I - Pi_v)(T_v - T*) theta*.
 *
 * <p>Instances: Toy-NR and its correlated variant (B0 != {0}, from package twostage.toy), curved G-GAUSS (d = 5,
 * p = 3, B0 = {0}) and G-LIN tanh (N = 40, k = 3, B0 = {0}) with random theta*. Exact identity at 10 random v per
 * instance (tolerance 1e-10 (1 + ||e||)); Taylor slope of ||e_{exp(tv)} - t L(v)|| over t = 1e-1..1e-4 must be
 * at least 2 - 0.3 for a random unit v. Deterministic.
 *
 * <p>Negative control: on the correlated Toy-NR, L without Pi_{B0} (the regular-case formula applied to a non-regular
 * instance) leaves an O(t) remainder.
 */
public final class LemmaG7Check extends TheoryCheck {

    public LemmaG7Check() {
        super("Lemma G.7", "residual expansion e_exp(v) = L(v) + o(||v||): exact identity and Taylor slope",
                "Under G.3 and G.4, e_{exp(v)} = L(v) + o(||v||) in L2 with L(v) = -(I - Pi* - Pi_B0) DT*[v] theta*; "
                        + "exactly, e_{Omega(v)} = -(I - Pi_v)(T_v - T*) theta*.");
    }

    static TaylorSlope slope(ResidualMap r, double[] v) {
        DMatrixRMaj l = r.linear(v);
        return TaylorSlope.of(t -> r.space().norm(Mat.sub(r.residual(Instances.scaled(t, v)), Mat.scale(t, l))));
    }

    static List<ResidualMap> instances(Rng rng) {
        return List.of(ToyResiduals.nonRegular(), ToyResiduals.nonRegularCorrelated(),
                ResidualMap.regular(Instances.curvedGaussian(rng, 5, 3, 3), Mat.col(rng.gaussians(3))),
                ResidualMap.regular(Instances.tanhOnSupport(rng, 40, 3, 3, false, 3), Mat.col(rng.gaussians(3))));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        double worstId = 0;
        TaylorSlope worst = null;
        String worstName = "";
        StringBuilder names = new StringBuilder();
        for (ResidualMap r : instances(rng)) {
            int k = r.curve().tangentDimension();
            names.append(r.curve().name()).append("; ");
            for (int j = 0; j < 10; j++) {
                double[] v = Instances.scaled(0.3 * rng.nextDouble(), Instances.unitVector(k, rng));
                DMatrixRMaj e = r.residual(v);
                worstId = Math.max(worstId, r.space().norm(Mat.sub(e, r.residualIdentity(v)))
                        / (1 + r.space().norm(e)));
            }
            TaylorSlope s = slope(r, Instances.unitVector(k, rng));
            if (worst == null || s.slope() < worst.slope()) {
                worst = s;
                worstName = r.curve().name();
            }
        }
        res.add(Evidence.zero("max ||e_Omega(v) + (I - Pi_v)(T_v - T*) theta*|| / (1 + ||e||)", Role.CLAIM, worstId,
                1e-10, "10 random v per instance: " + names));
        res.add(SlopeEvidence.slope("worst Taylor slope of ||e_exp(tv) - t L(v)||", Role.CLAIM, worst, 2.0,
                "worst on " + worstName));
        ResidualMap cor = ToyResiduals.nonRegularCorrelated();
        ResidualMap noB0 = cor.withB0(new DMatrixRMaj(cor.space().dim(), 0));
        TaylorSlope planted = TaylorSlope.of(t -> cor.space().norm(Mat.sub(cor.residual(new double[] {t}),
                Mat.scale(t, noB0.linear(new double[] {1})))));
        res.add(Evidence.plantedErrorCaught("L without Pi_B0 on the correlated Toy-NR",
                SlopeEvidence.slope("Taylor slope with the regular-case L", Role.CONTROL, planted, 2.0, "")));
        res.attach(Attachment.csv("g7-worst-remainders.csv", worst.csv()));
        return res.build();
    }
}
