package twostage.mest;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.geometry.FixedRankPsdGeometry;
import twostage.stats.LogLogSlope;
import twostage.geometry.SphereManifold;
import twostage.linalg.Vectors;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Definition D.1 (p. 34): on a normal neighbourhood, log_O is the inverse of exp_O. Checked exactly on the sphere
 * (|log_O(exp_O(v)) - v| <= 1e-12 for |v| < 0.99 pi, q in [2, 8]); on M_{d,k}, where exp has no closed form, the
 * retraction R(xi) (top-k truncation of M + xi) and the log proxy P_T(M' - M) must be first-order inverses:
 * e(t) = ||P_T(R(t xi) - M) - t xi|| = O(t^2), so the fitted log-log slope of e over t = 1e-1 .. 1e-3 (over the
 * steps where e exceeds the rounding level 1e-12) must be at least 1.8 and e(t)/t^2 must not grow as t shrinks (ratio at the smallest step at most 1.5 times that at the
 * largest, plus 1e-8 for rounding).
 *
 * <p>Negative controls: an exponential map run at speed 1.01 must break the sphere identity; a retraction run with a
 * doubled step (R(2 xi)) must break the first-order inverse property (slope ~1). Deterministic: no false alarms.
 */
public final class DefinitionD1Check implements Check {

    @Override public String claimId() { return "Definition D.1"; }
    @Override public String name() { return "normal coordinates: sphere log inverts exp; M_{d,k} retraction and log proxy are first-order inverses"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "On a normal neighbourhood U = exp_O(B(0, delta)), exp_O is a diffeomorphism and log_O: U -> T_O M is its "
                + "inverse: log_O(exp_O(v)) = v for |v| < delta (sphere: delta = pi). On M_{d,k} the exponential map has "
                + "no closed form; the retraction and the log proxy P_T(M' - M) agree with exp and log to first order: "
                + "||P_T(R(xi) - M) - xi|| = O(||xi||^2).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        double worstSphere = 0;
        double plantedSphere = Double.POSITIVE_INFINITY;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId() + " sphere", t);
            int q = rng.nextInt(2, 8);
            SphereManifold s = SphereManifold.of(q);
            double[] o = s.descriptor(rng.gaussians(q));
            double[] v = s.projectTangent(o, rng.gaussians(q));
            v = Vectors.scale(0.99 * Math.PI * rng.nextDouble() / Vectors.norm(v), v);
            worstSphere = Math.max(worstSphere, Vectors.norm(Vectors.sub(s.log(o, s.exp(o, v)), v)));
            double[] wrong = s.log(o, s.exp(o, Vectors.scale(1.01, v)));
            plantedSphere = Math.min(plantedSphere, Vectors.norm(Vectors.sub(wrong, v)) / Math.max(Vectors.norm(v), 1e-3));
        }
        res.add(Evidence.atMost("sphere: max |log_O(exp_O(v)) - v|", Role.CLAIM, worstSphere, 1e-12,
                tries + " instances, q in [2, 8], |v| uniform in (0, 0.99 pi)"));
        res.add(Evidence.plantedErrorCaught("exp at speed 1.01", Evidence.atMost(
                "sphere: min |log_O(exp_O(1.01 v)) - v| / max(|v|, 1e-3)", Role.CONTROL, plantedSphere, 1e-12, "")));

        int fr = ctx.scale().pick(40, 400);
        double[] steps = LogLogSlope.halfDecades(1e-1, 5);
        double minSlope = Double.POSITIVE_INFINITY;
        double worstGrowth = 0;
        double maxRatio = 0;
        double plantedMaxSlope = Double.NEGATIVE_INFINITY;
        int atRounding = 0;
        for (int t = 0; t < fr; t++) {
            Rng rng = ctx.rng(claimId() + " fixed-rank", t);
            int d = rng.nextInt(2, 6);
            int k = rng.nextInt(1, d - 1);
            FixedRankPsdGeometry g = FixedRankPsdGeometry.of(d, k);
            double[] m = RandomMatrices.psdOfRank(d, k, rng).getData();
            double[] xi = g.projectTangent(m, rng.gaussians(d * d));
            xi = Vectors.scale(1 / Vectors.norm(xi), xi);
            double[] err = new double[steps.length];
            double[] planted = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                double[] txi = Vectors.scale(steps[i], xi);
                err[i] = Vectors.norm(Vectors.sub(g.log(m, g.retract(m, txi)), txi)) + 1e-300;
                planted[i] = Vectors.norm(Vectors.sub(g.log(m, g.retract(m, Vectors.scale(2, txi))), txi));
            }
            double r0 = err[0] / (steps[0] * steps[0]);
            double rLast = err[steps.length - 1] / (steps[steps.length - 1] * steps[steps.length - 1]);
            maxRatio = Math.max(maxRatio, Math.max(r0, rLast));
            worstGrowth = Math.max(worstGrowth, rLast - 1.5 * r0);
            // errors at rounding level (<= 1e-12) carry no slope information: fit over the steps above it; an
            // instance with fewer than two such steps (e.g. xi along U S U^T, where the retraction is exact) is
            // trivially O(t^2) and is counted instead
            int above = 0;
            for (double e : err) {
                if (e > 1e-12) {
                    above++;
                }
            }
            if (above >= 2) {
                double[] hs = new double[above];
                double[] es = new double[above];
                int j = 0;
                for (int i = 0; i < err.length; i++) {
                    if (err[i] > 1e-12) {
                        hs[j] = steps[i];
                        es[j++] = err[i];
                    }
                }
                minSlope = Math.min(minSlope, LogLogSlope.fit(hs, es));
            } else {
                atRounding++;
            }
            plantedMaxSlope = Math.max(plantedMaxSlope, LogLogSlope.fit(steps, planted));
        }
        String note = fr + " instances, d in [2, 6], k in [1, d-1], unit tangent xi, t = 1e-1 .. 1e-3";
        res.add(Evidence.atLeast("M_{d,k}: min fitted slope of ||P_T(R(t xi) - M) - t xi|| vs t", Role.CLAIM, minSlope,
                1.8, note + " (slopes fitted over errors above 1e-12)"));
        res.add(Evidence.info("M_{d,k}: instances whose error stays at rounding level (retraction exact to 1e-12)",
                atRounding, note));
        res.add(Evidence.atMost("M_{d,k}: max of [e(t_min)/t_min^2 - 1.5 e(t_max)/t_max^2] (ratio must not grow)",
                Role.CLAIM, worstGrowth, 1e-8, note));
        res.add(Evidence.info("M_{d,k}: max ratio ||P_T(R(t xi) - M) - t xi|| / t^2 seen", maxRatio, note));
        res.add(Evidence.plantedErrorCaught("retraction with doubled step R(2 xi)", Evidence.atLeast(
                "M_{d,k}: max fitted slope with R(2 t xi)", Role.CONTROL, plantedMaxSlope, 1.8, note)));
        return res.build();
    }

}
