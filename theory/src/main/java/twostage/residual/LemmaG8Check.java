package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;

/**
 * Lemma G.8 (p. 57): L(v) = -(I - Pi* - Pi_{B0}) DT*[v] theta* does not depend on which theta* with T* theta* = f*
 * is used; equivalently (I - Pi* - Pi_{B0}) DT*[v] eta = 0 for eta in N*.
 *
 * <p>Toy-NR and its correlated variant (package twostage.toy), theta* = (1, t), t in {-3, 0, 5} (all admissible since
 * T* e_2 = 0; checked): L(1) must agree across t to 1e-12, and ||(I - Pi* - Pi_B0) DT*[1] e_2|| must vanish.
 * Deterministic. Negative control: the same comparison with Pi_{B0} left out (L = -(I - Pi*) DT*[v] theta*), where
 * the x_2 component of DT*[v] e_2 survives.
 */
public final class LemmaG8Check extends TheoryCheck {

    public LemmaG8Check() {
        super("Lemma G.8", "L does not depend on the admissible theta* (Toy-NR, theta* = (1, t))",
                "L(v) = -(I - Pi* - Pi_B0) DT*[v] theta* is the same for every theta* with T* theta* = f*.");
    }

    static double spread(ResidualMap r) {
        DMatrixRMaj ref = r.withThetaStar(ToyResiduals.nonRegularTheta(0)).linear(new double[] {1});
        double worst = 0;
        for (double t : new double[] {-3, 5}) {
            DMatrixRMaj l = r.withThetaStar(ToyResiduals.nonRegularTheta(t)).linear(new double[] {1});
            worst = Math.max(worst, r.space().norm(Mat.sub(l, ref)));
        }
        return worst;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        for (ResidualMap r : new ResidualMap[] {ToyResiduals.nonRegular(), ToyResiduals.nonRegularCorrelated()}) {
            String name = r.curve().name();
            double admissible = 0;
            for (double t : new double[] {-3, 0, 5}) {
                DMatrixRMaj f = Mat.mult(r.curve().featuresAtTruth(), ToyResiduals.nonRegularTheta(t));
                admissible = Math.max(admissible, r.space().norm(Mat.sub(f, r.target())));
            }
            res.add(Evidence.zero(name + ": max ||T* (1,t) - f*||, t in {-3,0,5}", Role.CONTROL, admissible, 1e-14,
                    "theta* = (1, t) admissible"));
            res.add(Evidence.zero(name + ": max_t ||L_t(1) - L_0(1)||", Role.CLAIM, spread(r), 1e-12,
                    "t in {-3, 0, 5}"));
            DMatrixRMaj eta = Mat.col(0, 1);
            DMatrixRMaj h = Mat.mult(r.curve().derivative(new double[] {1}), eta);
            DMatrixRMaj kept = Mat.sub(h, Mat.add(Mat.mult(r.piStar(), h), Mat.mult(r.piB0(), h)));
            res.add(Evidence.zero(name + ": ||(I - Pi* - Pi_B0) DT*[1] eta||, eta = e2 in N*", Role.CLAIM,
                    r.space().norm(kept), 1e-12, ""));
            ResidualMap noB0 = r.withB0(new DMatrixRMaj(r.space().dim(), 0));
            res.add(Evidence.plantedErrorCaught("Pi_B0 left out of L on " + name,
                    Evidence.zero(name + ": max_t ||L_t(1) - L_0(1)|| without Pi_B0", Role.CONTROL, spread(noB0),
                            1e-12, "")));
        }
        return res.build();
    }
}
