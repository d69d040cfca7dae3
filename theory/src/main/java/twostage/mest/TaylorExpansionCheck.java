package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.stats.LogLogSlope;
import twostage.geometry.SphereManifold;
import twostage.linalg.Vectors;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * The Taylor expansions in normal coordinates (D.1)-(D.5) (pp. 35-36, unnumbered; recorded under Definition D.1),
 * on the sphere S^{q-1} for f(O) = -<O, mu> + (1/2) O^T A O at random non-critical points O, random mu and
 * symmetric A, q in [3, 6]. Reference derivatives: grad f = P_T (A O - mu) and the Riemannian Hessian
 * Hess f(O) = P_T A P_T - <O, A O - mu> P_T. Along the geodesic g(t) = f(exp_O(t v)) (v a unit tangent) every
 * derivative is a trigonometric polynomial, so Lagrange remainders have explicit bounds (||A|| the operator norm):
 * <ul>
 *   <li>(D.1) r1(t) = |g(t) - g(0) - t <grad f, v>| <= (|mu| + 2||A||) t^2 / 2;</li>
 *   <li>(D.2) r2(t) = |r1 - (t^2/2) <v, Hess f v>| <= (|mu| + 4||A||) t^3 / 6 (so r2 = o(t^2));</li>
 *   <li>(D.3)-(D.4) r3(t) = |P_{exp(tv) -> O} grad f(exp(tv)) - grad f(O) - t Hess f[v]| <= (|mu| + 5||A||) t^2 / 2
 *       (the transported gradient is (&lt;g, e(t)&gt;) e + Q g(t) with g = A gamma - mu, e(t) the unit velocity and Q the
 *       projection orthogonal to the plane of the geodesic). (D.5) is (D.3) for an empirical mean
 *       (1/m) sum f_i, which has the same form with mu replaced by a sample mean, so the random mu covers it.</li>
 * </ul>
 * Each CLAIM is the largest ratio remainder / bound over instances and steps t = 3e-2 .. 3e-4, which must be at most
 * 1 + 1e-6 (rounding). The fitted log-log slopes (medians ~2, ~3, ~2) are reported.
 *
 * <p>Negative control: with the Euclidean Hessian P_T A P_T in (D.2) the remainder is O(t^2); the median over
 * instances of the largest ratio to the t^3 bound must then exceed 1. Deterministic (no false alarms).
 */
public final class TaylorExpansionCheck implements Check {

    @Override public String claimId() { return "Definition D.1"; }
    @Override public String name() { return "Taylor expansions (D.1)-(D.5) in normal coordinates on the sphere"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "In normal coordinates at O: f(exp_O(v)) = f(O) + <grad f(O), v> + o(|v|) (D.1) and "
                + "+ (1/2)<v, Hess f(O)[v]> + o(|v|^2) (D.2); the gradient transported back along the geodesic satisfies "
                + "P grad f(exp_O(v)) = grad f(O) + Hess f(O)[v] + r(v), r = o(|v|) (D.3), r = O(|v|^2) when Hess f is "
                + "Lipschitz (D.4), also for empirical averages (D.5).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(30, 300);
        double[] steps = LogLogSlope.halfDecades(3e-2, 5);
        double worst1 = 0;
        double worst2 = 0;
        double worst3 = 0;
        double[] plantedRatio = new double[tries];
        double[] slopes1 = new double[tries];
        double[] slopes2 = new double[tries];
        double[] slopes3 = new double[tries];
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId() + " taylor", t);
            int q = rng.nextInt(3, 6);
            SphereManifold s = SphereManifold.of(q);
            double[] mu = rng.gaussians(q);
            DMatrixRMaj a = RandomMatrices.gaussian(q, q, rng);
            RandomMatrices.symmetrize(a);
            double[] o = s.descriptor(rng.gaussians(q));
            double[] v = s.projectTangent(o, rng.gaussians(q));
            v = Vectors.scale(1 / Vectors.norm(v), v);
            double normA = Mat.opNorm(a);
            double normMu = Vectors.norm(mu);
            double k2 = normMu + 2 * normA;
            double k3 = normMu + 4 * normA;
            double k3g = normMu + 5 * normA;
            double f0 = f(o, mu, a);
            double[] grad = riemannianGradient(s, o, mu, a);
            DMatrixRMaj hess = s.riemannianHessian(o, euclideanGradient(o, mu, a), a);
            DMatrixRMaj pt = s.tangentProjector(o);
            DMatrixRMaj euclid = Mat.mult(pt, a, pt);
            double[] hv = Mat.mult(hess, Mat.col(v)).getData();
            double vhv = Vectors.dot(v, hv);
            double vev = Mat.inner(Mat.col(v), Mat.mult(euclid, Mat.col(v)));
            double gv = Vectors.dot(grad, v);
            double[] r1 = new double[steps.length];
            double[] r2 = new double[steps.length];
            double[] r3 = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                double h = steps[i];
                double[] tv = Vectors.scale(h, v);
                double[] p = s.exp(o, tv);
                double first = f(p, mu, a) - f0 - h * gv;
                r1[i] = Math.abs(first) + 1e-300;
                r2[i] = Math.abs(first - 0.5 * h * h * vhv) + 1e-300;
                double planted = Math.abs(first - 0.5 * h * h * vev);
                double[] back = s.transportBack(o, tv, riemannianGradient(s, p, mu, a));
                r3[i] = Vectors.norm(Vectors.sub(Vectors.sub(back, grad), Vectors.scale(h, hv))) + 1e-300;
                worst1 = Math.max(worst1, r1[i] / (k2 * h * h / 2));
                worst2 = Math.max(worst2, r2[i] / (k3 * h * h * h / 6));
                worst3 = Math.max(worst3, r3[i] / (k3g * h * h / 2));
                plantedRatio[t] = Math.max(plantedRatio[t], planted / (k3 * h * h * h / 6));
            }
            slopes1[t] = LogLogSlope.fit(steps, r1);
            slopes2[t] = LogLogSlope.fit(steps, r2);
            slopes3[t] = LogLogSlope.fit(steps, r3);
        }
        String note = tries + " instances, q in [3, 6], random O, mu, symmetric A, unit tangent v, t = 3e-2 .. 3e-4";
        res.add(Evidence.atMost("(D.1) max r1(t) / [(|mu| + 2||A||) t^2 / 2]", Role.CLAIM, worst1, 1 + 1e-6, note));
        res.add(Evidence.atMost("(D.2) max r2(t) / [(|mu| + 4||A||) t^3 / 6]", Role.CLAIM, worst2, 1 + 1e-6, note));
        res.add(Evidence.atMost("(D.3)-(D.5) max r3(t) / [(|mu| + 5||A||) t^2 / 2]", Role.CLAIM, worst3, 1 + 1e-6,
                note));
        res.add(Evidence.info("(D.1) median log-log slope of r1", median(slopes1), note));
        res.add(Evidence.info("(D.2) median log-log slope of r2", median(slopes2), note));
        res.add(Evidence.info("(D.3) median log-log slope of r3", median(slopes3), note));
        res.add(Evidence.plantedErrorCaught("Euclidean Hessian P_T A P_T instead of the Riemannian one",
                Evidence.atMost("(D.2) median over instances of max r2(t) / [(|mu| + 4||A||) t^3 / 6] with P_T A P_T",
                        Role.CONTROL, median(plantedRatio), 1 + 1e-6, note)));
        return res.build();
    }

    static double median(double[] x) {
        double[] c = x.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    static double f(double[] o, double[] mu, DMatrixRMaj a) {
        return -Vectors.dot(o, mu) + 0.5 * Mat.inner(Mat.col(o), Mat.mult(a, Mat.col(o)));
    }

    static double[] euclideanGradient(double[] o, double[] mu, DMatrixRMaj a) {
        return Vectors.sub(Mat.mult(a, Mat.col(o)).getData(), mu);
    }

    static double[] riemannianGradient(SphereManifold s, double[] o, double[] mu, DMatrixRMaj a) {
        return s.projectTangent(o, euclideanGradient(o, mu, a));
    }
}
