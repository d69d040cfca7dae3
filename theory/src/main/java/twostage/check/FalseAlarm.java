package twostage.check;

/**
 * The suite's false-alarm budget. Every statistical comparison (an estimate within z standard errors of its target,
 * or a test that must not reject) is run at a per-comparison false-alarm rate of at most {@link #PER_COMPARISON}.
 * With at most {@link #MAX_COMPARISONS} such comparisons in one run, the chance that any of them fails on a correct
 * implementation is below 1e-3 by the union bound. The audit sums the rates of the comparisons actually made (each
 * from its own threshold, {@link #twoSidedNormalTail(double)} for a z rule) and reports that design rate; the
 * baseline test keeps it below 1e-3 at CI scale.
 */
public final class FalseAlarm {

    private FalseAlarm() {
    }

    /** Per-comparison false-alarm rate by design. */
    public static final double PER_COMPARISON = 2.5e-6;

    /** z-multiplier for "within z SE" comparisons: the two-sided normal tail at z = 4.75 is 2.0e-6. */
    public static final double Z = 4.75;

    /** Threshold on the p-value of a test that must not reject. */
    public static final double ALPHA = PER_COMPARISON;

    /** The number of statistical comparisons the budget allows per suite run (400 x 2.5e-6 = 1e-3). */
    public static final int MAX_COMPARISONS = 400;

    /** P(|N(0,1)| > z): the false-alarm rate of a "within z SE" comparison whose estimate is normal. */
    public static double twoSidedNormalTail(double z) {
        if (!(z > 0)) {
            throw new IllegalArgumentException("z multiplier must be > 0, got " + z);
        }
        return 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(z);
    }
}
