package twostage.mest;

import java.util.ArrayList;
import java.util.List;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.stats.LogLogSlope;
import twostage.ledger.Attachment;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Consistency of an M-estimator along a sequence of sample sizes (Propositions D.3 and D.6): the errors
 * d(O_m, O*) over replicates at each m, summarised as the mean error (with its Monte Carlo SE) and the exceedance
 * fraction P(d > eps) (with its binomial SE).
 *
 * @param ms     the sample sizes, increasing
 * @param errors errors[i][r]: the error of replicate r at ms[i]
 * @param eps    the exceedance threshold
 */
public record Consistency(int[] ms, double[][] errors, double eps) {

    /** An estimator of a problem at a given m. */
    @FunctionalInterface
    public interface Estimator {
        double[] estimate(int m, Rng rng);
    }

    /** Runs {@code reps} replicates of {@code estimator} at each m and records d(O_m, O*) = |log_{O*}(O_m)|. */
    public static Consistency simulate(CheckContext ctx, String stream, MEstimationProblem problem,
                                       Estimator estimator, int[] ms, int reps, double eps) {
        double[][] err = new double[ms.length][];
        for (int i = 0; i < ms.length; i++) {
            int m = ms[i];
            List<Double> e = ctx.replicate(stream + " m=" + m, reps,
                    (r, rng) -> problem.distanceToTruth(estimator.estimate(m, rng)));
            err[i] = e.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new Consistency(ms.clone(), err, eps);
    }

    public MonteCarlo meanError(int i) {
        return MonteCarlo.of(errors[i]);
    }

    /** P(d > eps) at ms[i] with its binomial standard error. */
    public MonteCarlo exceedance(int i) {
        double[] ind = new double[errors[i].length];
        for (int r = 0; r < ind.length; r++) {
            ind[r] = errors[i][r] > eps ? 1 : 0;
        }
        return MonteCarlo.of(ind);
    }

    /** The fitted slope of log(mean error) against log(m); m^-1/2 consistency gives -0.5. */
    public double rateSlope() {
        double[] x = new double[ms.length];
        double[] y = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            x[i] = ms[i];
            y[i] = meanError(i).mean();
        }
        return LogLogSlope.fit(x, y);
    }

    /**
     * The evidence: per-m figures (INFO); CLAIM items: P(d > eps) at the largest m is at most 0.01, the mean error
     * at the largest m is below that at the smallest by more than Z combined standard errors, and the rate slope is
     * -0.5 within 0.1.
     */
    public List<Evidence> evidence(Role role, String note) {
        List<Evidence> ev = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            MonteCarlo me = meanError(i);
            MonteCarlo ex = exceedance(i);
            ev.add(Evidence.info("m=" + ms[i] + ": mean error d(O_m, O*)", me.mean(), me.standardError(), note));
            ev.add(Evidence.info("m=" + ms[i] + ": P(d > " + eps + ")", ex.mean(), ex.standardError(), note));
        }
        ev.add(exceedanceAtLargest(role, note));
        int last = ms.length - 1;
        MonteCarlo first = meanError(0);
        MonteCarlo lastMe = meanError(last);
        double gap = first.mean() - lastMe.mean();
        double se = Math.hypot(first.standardError(), lastMe.standardError());
        ev.add(Evidence.atLeast("mean error decrease from m=" + ms[0] + " to m=" + ms[last] + ", in combined SEs",
                role, gap / se, FalseAlarm.Z, note));
        ev.add(Evidence.close("fitted slope of log mean error vs log m (rate m^-1/2)", role, rateSlope(), -0.5, 0.1,
                note));
        return ev;
    }

    /** P(d > eps) at the largest m is at most 0.01. */
    public Evidence exceedanceAtLargest(Role role, String note) {
        int last = ms.length - 1;
        MonteCarlo ex = exceedance(last);
        return Evidence.atMost("P(d(O_m, O*) > " + eps + ") at m=" + ms[last], role, ex.mean(), 0.01,
                note + "; SE " + ex.standardError());
    }

    /**
     * Adds this run's evidence (CLAIM), its CSV, and the negative control: the same exceedance and rate comparisons
     * on an inconsistent {@code planted} estimator must fail.
     */
    public void report(twostage.ledger.CheckResult.Builder res, Consistency planted, String plantedLabel, String note,
                       String csvName) {
        res.addAll(evidence(Role.CLAIM, note));
        res.attach(csv(csvName));
        res.add(Evidence.plantedErrorCaught(plantedLabel, planted.exceedanceAtLargest(Role.CONTROL, note)));
        res.add(Evidence.plantedErrorCaught(plantedLabel, Evidence.close("fitted slope of log mean error vs log m",
                Role.CONTROL, planted.rateSlope(), -0.5, 0.1, note)));
    }

    /** A CSV of the per-m figures. */
    public Attachment csv(String name) {
        StringBuilder b = new StringBuilder("m,mean_error,se_mean_error,p_exceed,se_p_exceed\n");
        for (int i = 0; i < ms.length; i++) {
            MonteCarlo me = meanError(i);
            MonteCarlo ex = exceedance(i);
            b.append(ms[i]).append(',').append(me.mean()).append(',').append(me.standardError()).append(',')
                    .append(ex.mean()).append(',').append(ex.standardError()).append('\n');
        }
        return Attachment.csv(name, b.toString());
    }
}
