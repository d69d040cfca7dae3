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
 * Lemma G.5 (p. 53): under G.3, Omega -> T_Omega is Frechet differentiable at Omega* into B(R^p, L^2), with
 * (DT*[v] theta)(x) = theta^T D_Omega phi(x, Omega*)[v], i.e. ||T_exp(v) - T* - DT*[v]||_op = o(||v||).
 *
 * <p>The operator norm of a map R^p -> L^2 given by the D x p matrix R is ||G^{1/2} R||_op, the square root of the
 * largest eigenvalue of the L^2 Gram of the remainder features. Instances: G-LIN tanh features (N = 40, d = 3,
 * k = 3) and curved G-GAUSS features (d = 5, p = 3). Along t v (v a random unit tangent vector, t = 1e-1..1e-4) the
 * remainder must have log-log slope at least 2 - 0.3 (so remainder/||v|| has slope 1). Deterministic.
 *
 * <p>Negative control: the derivative multiplied by 1.05 (a wrong constant) leaves an O(t) remainder.
 */
public final class LemmaG5Check extends TheoryCheck {

    public LemmaG5Check() {
        super("Lemma G.5", "feature-operator derivative: operator-norm Taylor slope on G-LIN and G-GAUSS",
                "Under Assumption G.3, Omega -> T_Omega is Frechet differentiable at Omega* as a map into B(R^p, L2): "
                        + "||T_exp(v) - T* - DT*[v]||op = o(||v||), with (DT*[v]theta)(x) = theta^T D_Omega phi(x,Omega*)[v].");
    }

    static TaylorSlope slope(FeatureCurve c, double[] v, double factor) {
        DMatrixRMaj t0 = c.featuresAtTruth();
        DMatrixRMaj d = Mat.scale(factor, c.derivative(v));
        return TaylorSlope.of(t -> c.space().opNormFromEuclidean(
                Mat.sub(c.features(Instances.scaled(t, v)), Mat.add(t0, Mat.scale(t, d)))));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(4, 20);
        TaylorSlope worst = null;
        TaylorSlope planted = null;
        String worstName = "";
        for (int k = 0; k < tries; k++) {
            Rng rng = ctx.rng(claimId(), k);
            for (FeatureCurve c : List.<FeatureCurve>of(Instances.tanhOnSupport(rng, 40, 3, 3, false, 3),
                    Instances.curvedGaussian(rng, 5, 3, 3))) {
                double[] v = Instances.unitVector(c.tangentDimension(), rng);
                TaylorSlope s = slope(c, v, 1.0);
                if (worst == null || s.slope() < worst.slope()) {
                    worst = s;
                    worstName = c.name();
                }
                TaylorSlope p = slope(c, v, 1.05);
                if (planted == null || p.slope() < planted.slope()) {
                    planted = p;
                }
            }
        }
        res.add(SlopeEvidence.slope("worst operator-norm Taylor-remainder slope of T along exp(tv)", Role.CLAIM, worst,
                2.0, 2 * tries + " curves (G-LIN tanh, G-GAUSS curved); worst on " + worstName));
        res.add(Evidence.plantedErrorCaught("derivative scaled by 1.05",
                SlopeEvidence.slope("smallest slope with the scaled derivative", Role.CONTROL, planted, 2.0, "")));
        res.attach(Attachment.csv("g5-worst-remainders.csv", worst.csv()));
        return res.build();
    }
}
