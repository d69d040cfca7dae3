package twostage.mest;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.geometry.SphereManifold;
import twostage.linalg.Vectors;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.RandomMatrices;

/**
 * Remark D.8 (p. 41): log_{O*}(O_m) is defined with probability tending to one. Not checkable as stated (it is a
 * remark about events of vanishing probability); proxy on a sphere mean with a weak signal (S^2, mu = (0.5, 0, 0),
 * Sigma_z = diag(0.5, 2, 2)): at m = 1, 2, 4, ..., 256 with 4000 replicates (PAPER 40000), (a) the fraction of
 * replicates beyond the equator (angle >= pi/2, outside the hemisphere where the sphere-mean objective is
 * geodesically convex) against its exact value P(&lt;zbar, O*&gt; &lt; 0) = Phi(-|mu| sqrt(m) / sqrt(O*^T Sigma_z O*)),
 * by an exact two-sided binomial test at level FalseAlarm.ALPHA (exact, as the normal approximation fails for
 * rare events); (b) the log map is defined (angle &lt; pi) on every replicate; (c) the fraction is at most
 * 1e-3 at the largest m.
 *
 * <p>Negative control: the exact formula with the isotropic variance tr(Sigma_z)/q in place of O*^T Sigma_z O*
 * must be rejected at some m. False alarms: 9 comparisons at 5e-6 (CI).
 */
public final class RemarkD8Check implements Check {

    @Override public String claimId() { return "Remark D.8"; }
    @Override public String name() { return "proxy: fraction of sphere-mean replicates outside the normal neighbourhood tends to 0"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "O_m need not lie in a normal neighbourhood of O* for finite m, but by consistency log_{O*}(O_m) is "
                + "well defined with probability tending to one.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("a remark about the probability of an event tending to one, with no rate; proxy: the exact "
                + "probability that the sphere-mean estimate is beyond the equator, and the log map being defined");
        DMatrixRMaj sigma = RandomMatrices.withEigenvalues(twostage.linalg.Mat.identity(3), new double[] {0.5, 2, 2});
        SphereMean s = SphereMean.of(new double[] {0.5, 0, 0}, sigma);
        SphereManifold sphere = s.manifold();
        double[] o = s.truth();
        int reps = ctx.scale().pick(4000, 40000);
        int mMax = 256;
        String note = s.describe() + ", Sigma_z = diag(0.5, 2, 2); " + reps + " replicates";
        double worstPlantedP = 1;
        double lastFraction = Double.NaN;
        int undefined = 0;
        for (int m = 1; m <= mMax; m *= 2) {
            int mm = m;
            List<Double> angles = ctx.replicate(claimId() + " m=" + m, reps,
                    (r, rng) -> sphere.distance(o, s.estimate(mm, rng)));
            int beyond = 0;
            for (double a : angles) {
                if (a >= Math.PI / 2) {
                    beyond++;
                }
                if (a >= Math.PI) {
                    undefined++;
                }
            }
            double frac = (double) beyond / reps;
            double exact = s.probabilityBeyondEquator(m);
            res.add(Evidence.notRejected("exact binomial test: " + beyond + " of " + reps + " beyond the equator at m=" + m
                    + " vs P = Phi(-|mu| sqrt(m)/sd) = " + exact, Role.CLAIM, frac, binomialP(reps, beyond, exact),
                    FalseAlarm.ALPHA, note));
            double wrongSd = Math.sqrt(4.5 / 3);
            double wrong = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                    .cumulativeProbability(-Vectors.norm(s.mu()) * Math.sqrt(m) / wrongSd);
            worstPlantedP = Math.min(worstPlantedP, binomialP(reps, beyond, wrong));
            lastFraction = frac;
        }
        res.add(Evidence.condition("log_{O*}(O_m) defined (angle < pi) on every replicate", Role.CLAIM, undefined == 0,
                note));
        res.add(Evidence.atMost("fraction beyond the equator at m=" + mMax, Role.CLAIM, lastFraction, 1e-3, note));
        res.add(Evidence.plantedErrorCaught("isotropic variance tr(Sigma_z)/q in the exact formula",
                Evidence.notRejected("smallest exact binomial p-value over m against the wrong formula", Role.CONTROL,
                        Double.NaN, worstPlantedP, FalseAlarm.ALPHA, note)));
        return res.build();
    }

    /** Two-sided exact binomial p-value of k successes in n trials with success probability p. */
    static double binomialP(int n, int k, double p) {
        return org.apache.commons.statistics.inference.BinomialTest.withDefaults().test(n, k, p).getPValue();
    }
}
