package twostage.properties;

import twostage.check.CheckContext;
import twostage.check.Scale;
import twostage.random.Rng;

/** Runs a property on many seeded draws and keeps the worst violation with its seed. */
final class Tries {

    /** Worst violation over the tries, the seed that produced it, and the number of tries. */
    record Worst(double violation, long seed, int tries) {
        String where() {
            return "worst of " + tries + " tries at seed " + seed + " (rerun: ./audit --claim <id> --scale ci)";
        }
    }

    interface Draw {
        double violation(Rng rng);
    }

    private Tries() {
    }

    /** Number of tries: -Dtwostage.tries (default 25), times 8 at paper scale. */
    static int count(CheckContext ctx) {
        int base = Integer.getInteger("twostage.tries", 25);
        return ctx.scale() == Scale.PAPER ? 8 * base : base;
    }

    static Worst run(CheckContext ctx, String stream, Draw d) {
        int n = count(ctx);
        double worst = Double.NEGATIVE_INFINITY;
        long seed = 0;
        for (int t = 0; t < n; t++) {
            long s = ctx.seed(stream, t);
            double v = d.violation(Rng.of(s));
            if (!(v <= worst)) { // also catches NaN
                worst = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
                seed = s;
            }
        }
        return new Worst(worst, seed, n);
    }
}
