package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.geometry.LogLogSlope;
import twostage.geometry.SphereManifold;
import twostage.geometry.Vectors;
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
 * Hess f(O) = P_T A P_T - <O, A O - mu> P_T. For a unit tangent v and t = 3e-2 .. 3e-4 (half decades):
 * <ul>
 *   <li>(D.1) r1(t) = f(exp(t v)) - f(O) - t <grad f, v> is o(t): log-log slope >= 1.5 (a smooth f gives ~2,
 *       lowered locally when the quadratic and cubic terms partly cancel);</li>
 *   <li>(D.2) r2(t) = r1(t) - (t^2/2) <v, Hess f v> has slope >= 2.7 (o(t^2); ~3 for a smooth f);</li>
 *   <li>(D.3)-(D.4) the parallel-transported gradient remainder
 *       |P_{exp(tv) -> O} grad f(exp(tv)) - grad f(O) - t Hess f[v]| has slope >= 1.8 (O(t^2), Lipschitz Hessian).
 *       (D.5) is (D.3) for an empirical mean f^ = (1/m) sum f_i, which here has the same form with mu replaced by
 *       a sample mean, so it is covered by the random mu.</li>
 * </ul>
 * Negative control: the Euclidean Hessian P_T A P_T alone leaves an O(t^2) remainder in (D.2); the median fitted
 * slope over the instances must then fall below 2.7 (the median, since an instance where &lt;O, A O - mu&gt; is
 * nearly 0 hides the error). Deterministic (no false alarms).
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
        double min1 = Double.POSITIVE_INFINITY;
        double min2 = Double.POSITIVE_INFINITY;
        double min3 = Double.POSITIVE_INFINITY;
        double[] plantedSlopes = new double[tries];
        double worstRatioGrowth = 0;
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
            double[] planted = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                double h = steps[i];
                double[] tv = Vectors.scale(h, v);
                double[] p = s.exp(o, tv);
                double first = f(p, mu, a) - f0 - h * gv;
                r1[i] = Math.abs(first);
                r2[i] = Math.abs(first - 0.5 * h * h * vhv);
                planted[i] = Math.abs(first - 0.5 * h * h * vev);
                double[] back = s.transportBack(o, tv, riemannianGradient(s, p, mu, a));
                r3[i] = Vectors.norm(Vectors.sub(Vectors.sub(back, grad), Vectors.scale(h, hv)));
            }
            min1 = Math.min(min1, LogLogSlope.fit(steps, r1));
            min2 = Math.min(min2, LogLogSlope.fit(steps, r2));
            min3 = Math.min(min3, LogLogSlope.fit(steps, r3));
            plantedSlopes[t] = LogLogSlope.fit(steps, planted);
            double ratioFirst = r2[0] / (steps[0] * steps[0]);
            double ratioLast = r2[steps.length - 1] / (steps[steps.length - 1] * steps[steps.length - 1]);
            worstRatioGrowth = Math.max(worstRatioGrowth, ratioLast / ratioFirst);
        }
        String note = tries + " instances, q in [3, 6], random O, mu, symmetric A, unit tangent v, t = 3e-2 .. 3e-4";
        res.add(Evidence.atLeast("(D.1) min slope of the first-order remainder (o(t))", Role.CLAIM, min1, 1.5, note));
        res.add(Evidence.atLeast("(D.2) min slope of the second-order remainder", Role.CLAIM, min2, 2.7, note));
        res.add(Evidence.atMost("(D.2) max over instances of [r2(t)/t^2 at t=3e-4] / [r2(t)/t^2 at t=3e-2] (-> 0)",
                Role.CLAIM, worstRatioGrowth, 0.1, note + "; o(t^2) means the ratio shrinks"));
        res.add(Evidence.atLeast("(D.3)-(D.5) min slope of the transported-gradient remainder", Role.CLAIM, min3, 1.8,
                note));
        res.add(Evidence.plantedErrorCaught("Euclidean Hessian P_T A P_T instead of the Riemannian one",
                Evidence.atLeast("(D.2) median slope of the second-order remainder with P_T A P_T", Role.CONTROL,
                        median(plantedSlopes), 2.7, note)));
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
