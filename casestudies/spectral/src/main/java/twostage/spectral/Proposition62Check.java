package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.engine.LimitLaw;
import twostage.engine.LimitLawEngine;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * Proposition 6.2 (p. 9): under Assumption 6.1 and fourth moments, the linear spectral model satisfies the assumptions
 * of Theorem 5.1 (D.5 and G.1-G.4). NOT_CHECKABLE as a whole (a collection of existence statements). Proxies, on the
 * Corollary 6.3 instance (k = 2, d = 4) and on a random instance: the generator validates Assumption 6.1; Gaussian
 * data have finite moments of every order (E||x||^4 = (tr S)^2 + 2 tr S^2 reported); the general engine finds a
 * positive definite Riemannian Hessian and score covariance, d_act = d_eff = k (B0 = {0}, Lemma H.8), a stable rank k,
 * and its two routes to the Gram of L (first principles and Rep along retraction curves) agree (relative 1e-4).
 * The component checks are Lemmas H.3-H.9 and Proposition H.10; the end-to-end check is under Corollary 6.3.
 */
public final class Proposition62Check extends SpectralCheck {

    @Override public String claimId() { return "Proposition 6.2"; }
    @Override public String name() { return "spectral model meets Theorem 5.1's assumptions: engine-level proxies"; }
    @Override public String statement() {
        return "Under Assumption 6.1 and E||Z||^4, E||x||^4 < inf, the linear spectral model satisfies the assumptions of "
                + "Theorem 5.1 (Assumptions D.5 and G.1-G.4).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("a conjunction of existence statements; proxies: the component checks (Lemmas H.3-H.9, Prop H.10) "
                + "and the engine-level conditions below");
        SpectralModel[] models = {SpectralModel.corollary63(2, 4, 1), SpectralInstances.random(4, 2, false, ctx.rng(claimId(), 0))};
        String[] names = {"Corollary 6.3 instance k=2, d=4", "random instance d=4, k=2"};
        for (int i = 0; i < models.length; i++) {
            SpectralModel model = models[i];
            DMatrixRMaj s = model.sigmaPre();
            res.add(Evidence.info(names[i] + ": E||x||^4 = (tr S)^2 + 2 tr S^2 (Gaussian)",
                    Math.pow(Mat.trace(s), 2) + 2 * Mat.trace(Mat.mult(s, s)), "finite"));
            LimitLaw law = LimitLawEngine.compute(SpectralProblem.of(model, names[i]), ctx.rng(claimId() + "/engine", i));
            double[] he = SymmetricEigen.of(law.hessian()).values();
            double[] se = SymmetricEigen.of(law.scoreCovariance()).values();
            res.add(Evidence.atLeast(names[i] + ": smallest eigenvalue of the engine's Riemannian Hessian", Role.CLAIM,
                    he[he.length - 1], 1e-8, ""));
            res.add(Evidence.atLeast(names[i] + ": smallest eigenvalue of Sigma* (relative)", Role.CLAIM,
                    se[se.length - 1] / se[0], 1e-10, ""));
            res.add(Evidence.condition(names[i] + ": d_act = d_eff = stable rank = k", Role.CLAIM,
                    law.dAct() == model.k() && law.dEff() == model.k() && law.stableRank() == model.k(),
                    "d_act=" + law.dAct() + ", d_eff=" + law.dEff() + ", stable rank=" + law.stableRank()));
            res.add(Evidence.atMost(names[i] + ": ||Gamma (5.1) - Gamma (Rep route)|| / ||Gamma||", Role.CONTROL,
                    Mat.dist(law.gram(), law.gramFromRep()) / Mat.frob(law.gram()), 1e-4, ""));
        }
        return res.build();
    }
}
