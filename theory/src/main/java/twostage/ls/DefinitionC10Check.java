package twostage.ls;

import twostage.linalg.Vectors;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.Rng;

/**
 * Definition C.10 (p. 32): Pi_n lift_n(v) is well defined because Pi_n depends on its argument only through the
 * sample values. On random G-LIN laws with designs of distinct support points (n < p and n > p): two lifts of the
 * same v with independent random backgrounds give the same function Pi_n lift_n(v) on the whole support, and the same
 * as the projector applied to v directly. Tolerance {@link Tolerance#forDesign} times max(1, ||v||_inf).
 *
 * <p>Also recorded: with a repeated design point carrying two different values no lift exists, and {@link Lift}
 * rejects it. Negative control: two functions that differ at one design point must give different projections.
 * Deterministic (no false alarm).
 */
public final class DefinitionC10Check implements Check {

    @Override public String claimId() { return "Definition C.10"; }
    @Override public String name() { return "Pi_n lift_n(v) does not depend on the lift (G-LIN)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "lift_n(v) is any function with values v on the design points; Pi_n lift_n(v) is the same function for "
                + "every choice of lift, since Pi_n depends on its input only through Ev_n.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(40, 400);
        Worst twoLifts = Worst.max();
        Worst direct = Worst.max();
        Worst planted = Worst.min();
        boolean rejected = true;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.LinCase lc = RandomInstances.linCase(t, rng, true);
            FiniteSupportLaw law = lc.law();
            int[] design = lc.design();
            int n = lc.n();
            int k = lc.p();
            double[] v = rng.gaussians(n);
            double[] g1 = Lift.of(law, design, v, rng.gaussians(law.size()));
            double[] g2 = Lift.of(law, design, v, Vectors.scale(10, rng.gaussians(law.size())));
            EmpiricalProjector proj = EmpiricalProjector.of(law, design);
            double tol = Tolerance.forDesign(law.designFeatures(design));
            double scale = Vectors.scaleOf(v);
            String where = "n=" + n + ", p=" + k;
            double[] p1 = proj.apply(g1);
            twoLifts.record(Vectors.maxDiff(p1, proj.apply(g2)) / scale, tol, where);
            direct.record(Vectors.maxDiff(p1, proj.applyToSampleValues(v)) / scale, tol, where);
            double[] w = v.clone();
            w[0] += 1;
            double[] g3 = Lift.of(law, design, w, rng.gaussians(law.size()));
            planted.record(Vectors.maxDiff(p1, proj.apply(g3)) / scale, tol, where);
            if (t == 0) {
                int[] repeated = {design[0], design[0]};
                try {
                    Lift.of(law, repeated, new double[] {0, 1}, new double[law.size()]);
                    rejected = false;
                } catch (IllegalArgumentException expected) {
                    rejected = true;
                }
            }
        }
        res.add(Evidence.atMost("max |Pi_n g1 - Pi_n g2|_inf on the support, two lifts of v, in units of tol",
                Role.CLAIM, twoLifts.ratio(), 1.0, twoLifts.note()));
        res.add(Evidence.atMost("max |Pi_n lift_n(v) - T Sigma_n+ (1/n) Phi^T v|_inf in units of tol", Role.CONTROL,
                direct.ratio(), 1.0, direct.note()));
        res.add(Evidence.condition("a repeated design point with two different values has no lift and is rejected",
                Role.CONTROL, rejected, "finite-support designs repeat points; continuous designs do not"));
        res.add(Evidence.plantedErrorCaught("second function differs from the first at one design point",
                Evidence.atMost("min |Pi_n g1 - Pi_n g3|_inf in units of tol", Role.CONTROL, planted.ratio(), 1.0,
                        planted.note())));
        return res.build();
    }
}
