package twostage.gmm;

import twostage.stats.LogLogSlope;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.Rng;

/**
 * Lemma J.4 (p. 105): score grad_{u_i} l = -pi_i (x - u_i) and Hessian blocks pi_i I - pi_i(1 - pi_i)(x - u_i)(x -
 * u_i)^T (i = j), pi_i pi_j (x - u_i)(x - u_j)^T (i != j) of the mixture negative log-likelihood.
 *
 * <p>Taylor-remainder slope tests on random (U, x, V) with h = 1e-1 .. 1e-3: |l(U + hV) - l(U) - h <g, V>| must scale
 * like h^2 or faster (slope >= 1.8) and the second-order remainder like h^3 or faster (slope >= 2.7; one-sided, since a vanishing cubic term gives 4); the worst slope over the
 * instances is reported. Negative control: the Hessian with the pi_i(1 - pi_i) term dropped must give a second-order
 * slope below 2.7. The bounds ||grad l|| <= C(1 + ||x||) and ||hess l||_op <= C(1 + ||x||^2) are checked with
 * C = 1 + max ||u_i|| (gradient) and C = 2 K (1 + max ||u_i||)^2 (Hessian) on random points. Information identity at
 * U*: for 3 random unit directions w, E[(w^T grad l)^2] = E[w^T hess l w] within 4.6 SE (the per-draw difference's SE;
 * false-alarm rate 4.2e-6 each).
 */
public final class LemmaJ4Check extends GmmCheck {

    @Override public String claimId() { return "Lemma J.4"; }
    @Override public String name() { return "MoG score and Hessian: Taylor slopes, bounds, information identity"; }
    @Override public String statement() {
        return "For l(U;x) = -log((1/K) sum_i phi_d(x-u_i)) with full responsibilities pi_i: grad_{u_i} l = -pi_i(x-u_i); "
                + "hess_{u_i u_i} l = pi_i I - pi_i(1-pi_i)(x-u_i)(x-u_i)^T; hess_{u_i u_j} l = pi_i pi_j (x-u_i)(x-u_j)^T; "
                + "||grad l|| <= C(1+||x||), ||hess l|| <= C(1+||x||^2) on bounded sets.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(20, 100);
        double[] steps = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3};
        double worst1 = 0, worst2 = 0, plantedBest = 0, worstBound1 = 0, worstBound2 = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int k = rng.nextInt(2, 4);
            int d = rng.nextInt(1, 4);
            MixtureModel m = randomInstance(k, d, 1.5, 0.1, rng).model();
            double[] u = m.centres();
            double[] x = m.sample(rng);
            double[] v = gaussianDirection(k * d, rng);
            double[] g = m.gradient(u, x);
            DMatrixRMaj h = m.hessian(u, x);
            DMatrixRMaj hw = m.hessian(u, x, true);
            double l0 = m.loss(u, x);
            double gv = Slopes.dot(g, v);
            double vhv = quad(h, v);
            double vhwv = quad(hw, v);
            // remainders at round-off (1e-13 relative to the loss) carry no slope information and are dropped; when
            // fewer than three remain the expansion is exact to working precision (slope +infinity)
            double floor = 1e-13 * Math.max(1, Math.abs(l0));
            double s1 = exactIfNaN(LogLogSlope.fitAbove(steps, s -> m.loss(Slopes.axpy(u, s, v), x) - l0 - s * gv, floor, 3));
            double s2 = exactIfNaN(LogLogSlope.fitAbove(steps,
                    s -> m.loss(Slopes.axpy(u, s, v), x) - l0 - s * gv - 0.5 * s * s * vhv, floor, 3));
            double sw = exactIfNaN(LogLogSlope.fitAbove(steps,
                    s -> m.loss(Slopes.axpy(u, s, v), x) - l0 - s * gv - 0.5 * s * s * vhwv, floor, 3));
            // one-sided: a correct k-th order expansion leaves a remainder O(h^{k+1}) or smaller (slope k+1 or more,
            // e.g. 4 when the cubic term vanishes along v); a wrong derivative leaves a lower slope
            worst1 = Math.max(worst1, 2 - s1);
            worst2 = Math.max(worst2, 3 - s2);
            plantedBest = Math.max(plantedBest, 3 - sw);
            double umax = 0;
            for (int i = 0; i < k; i++) {
                umax = Math.max(umax, Slopes.norm(java.util.Arrays.copyOfRange(u, i * d, (i + 1) * d)));
            }
            double xn = Slopes.norm(x);
            worstBound1 = Math.max(worstBound1, Slopes.norm(g) / ((1 + umax) * (1 + xn)));
            double op = twostage.linalg.Mat.opNorm(h);
            worstBound2 = Math.max(worstBound2, op / (2 * k * Math.pow(1 + umax, 2) * (1 + xn * xn)));
        }
        res.add(Evidence.atMost("max (2 - first-order remainder slope)", Role.CLAIM, worst1, 0.2,
                tries + " random (K in [2,4], d in [1,4], U, x, V); h = 1e-1..1e-3"));
        res.add(Evidence.atMost("max (3 - second-order remainder slope) (Lemma J.4 Hessian)", Role.CLAIM, worst2, 0.3, ""));
        res.add(Evidence.plantedErrorCaught("Hessian without the pi_i(1-pi_i) term",
                Evidence.atMost("max (3 - second-order remainder slope) with the planted Hessian", Role.CONTROL,
                        plantedBest, 0.3, "")));
        res.add(Evidence.atMost("max ||grad l|| / ((1+max||u_i||)(1+||x||))", Role.CLAIM, worstBound1, 1.0, ""));
        res.add(Evidence.atMost("max ||hess l||_op / (2K(1+max||u_i||)^2(1+||x||^2))", Role.CLAIM, worstBound2, 1.0, ""));

        // information identity at U* of Appendix K's instance (K = 4, d = 20, beta = 2) and a random one
        MixtureModel m = MixtureModel.paperInstance(4, ctx.scale().pick(6, 20), 2.0);
        int n = ctx.scale().pick(40_000, 1_000_000);
        Rng rng = ctx.rng(claimId() + "/information", 0);
        int q = m.parameterDimension();
        double[] u = m.centres();
        for (int dir = 0; dir < 3; dir++) {
            double[] w = gaussianDirection(q, rng);
            double[] diff = new double[n];
            double[] diffPlanted = new double[n];
            double sumS = 0, sumH = 0;
            for (int j = 0; j < n; j++) {
                double[] x = m.sample(rng);
                double gw = Slopes.dot(m.gradient(u, x), w);
                double hw = quadFromBlocks(m, u, x, w, false);
                double hwp = quadFromBlocks(m, u, x, w, true);
                diff[j] = gw * gw - hw;
                diffPlanted[j] = gw * gw - hwp;
                sumS += gw * gw;
                sumH += hw;
            }
            twostage.stats.MonteCarlo mc = twostage.stats.MonteCarlo.of(diff);
            twostage.stats.MonteCarlo mp = twostage.stats.MonteCarlo.of(diffPlanted);
            res.add(Evidence.withinSE("E[(w^T grad l)^2] - E[w^T hess l w], direction " + dir, Role.CLAIM, mc.mean(), 0.0,
                    mc.standardError(), FalseAlarm.Z, "U* = 2 I_{4," + m.dimension() + "}, N = " + n + "; E[(w^T g)^2] = "
                    + sumS / n + ", E[w^T H w] = " + sumH / n));
            if (dir == 0) {
                res.add(Evidence.plantedErrorCaught("Hessian without the pi_i(1-pi_i) term",
                        Evidence.withinSE("information identity with the planted Hessian", Role.CONTROL, mp.mean(), 0.0,
                                mp.standardError(), FalseAlarm.Z, "")));
            }
        }
        return res.build();
    }

    private static double quad(DMatrixRMaj h, double[] v) {
        double s = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                s += v[a] * h.get(a, b) * v[b];
            }
        }
        return s;
    }

    /** w^T hess l w from the block formula without forming the matrix. */
    static double quadFromBlocks(MixtureModel m, double[] u, double[] x, double[] w, boolean drop) {
        int k = m.components();
        int d = m.dimension();
        double[] pi = new double[k];
        MixtureModel.responsibilities(k, d, u, x, 0, pi);
        double[] c = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            double ci = 0;
            double wi2 = 0;
            for (int a = 0; a < d; a++) {
                ci += w[i * d + a] * (x[a] - u[i * d + a]);
                wi2 += w[i * d + a] * w[i * d + a];
            }
            c[i] = ci;
            s += pi[i] * wi2;
        }
        double t = 0;
        for (int i = 0; i < k; i++) {
            t += pi[i] * c[i];
        }
        // sum_{i != j} pi_i pi_j c_i c_j - sum_i pi_i(1-pi_i) c_i^2 = t^2 - sum_i pi_i c_i^2
        double sq = 0;
        for (int i = 0; i < k; i++) {
            sq += pi[i] * c[i] * c[i];
        }
        if (drop) {
            double off = t * t;
            for (int i = 0; i < k; i++) {
                off -= pi[i] * pi[i] * c[i] * c[i];
            }
            return s + off;
        }
        return s + t * t - sq;
    }

    private static double exactIfNaN(double slope) {
        return Double.isNaN(slope) ? Double.POSITIVE_INFINITY : slope;
    }
}
