package twostage.linalg;

import twostage.check.AssumptionViolation;

/**
 * The numerical rank of a PSD matrix or a design, decided from its eigenvalues or singular values s_1 >= s_2 >= ...:
 * rank = #{j : s_j > relTol * s_1}. The decision is trusted only when it is clear: no value may lie in the band
 * (relTol s_1 / {@link #MARGIN_BELOW}, relTol s_1 {@link #MARGIN_ABOVE}). Below the cut the band is narrow, since
 * round-off zeros of an exactly deficient matrix sit near 1e-16 s_1; above it is wide, since a kept value that small
 * makes the inverse (and a min-norm fit) blow up by 1 / s_j. A value in the band is a numerically fragile spot (a near-zero eigengap, a rank change, an ill-conditioned design): quantities such as
 * d_act = rank Sigma, the pseudo-inverse and the min-norm OLS fit jump with the choice, so the instance is reported
 * as an {@link AssumptionViolation} of "well-separated numerical rank" rather than fed to a check as if it were fine.
 */
public final class NumericalRank {

    /** The factor below the cut down to which a value makes the rank ambiguous. */
    public static final double MARGIN_BELOW = 100;

    /** The factor above the cut up to which a value makes the rank ambiguous. */
    public static final double MARGIN_ABOVE = 1e4;

    /** The condition named by the violations this class throws. */
    public static final String CONDITION = "well-separated numerical rank";

    private NumericalRank() {
    }

    /**
     * @param values  eigenvalues or singular values, in decreasing order, finite
     * @param relTol  relative cut, in (0, 1)
     * @param what    what the values belong to, for the message (e.g. "design Phi", "Sigma(w*)")
     * @return the number of values above {@code relTol * values[0]} (0 for an empty or all-zero list)
     * @throws AssumptionViolation      if a value lies in the ambiguous band around the cut
     * @throws IllegalArgumentException if the values are not finite and decreasing, or relTol is not in (0, 1)
     */
    public static int of(double[] values, double relTol, String what) {
        if (!(relTol > 0 && relTol < 1)) {
            throw new IllegalArgumentException("relative rank cut must be in (0, 1), got " + relTol);
        }
        Checks.requireFinite(what + " spectrum", values);
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[j - 1]) {
                throw new IllegalArgumentException(what + " spectrum must be in decreasing order (index " + j + ")");
            }
        }
        if (values.length == 0 || !(values[0] > 0)) {
            return 0;
        }
        double cut = relTol * values[0];
        int rank = 0;
        for (double v : values) {
            if (Math.abs(v) > cut / MARGIN_BELOW && Math.abs(v) < cut * MARGIN_ABOVE) {
                throw new AssumptionViolation(CONDITION, what + " has the value " + v + " in the band (" + cut
                        / MARGIN_BELOW + ", " + cut * MARGIN_ABOVE + ") around the rank cut " + cut + " (= " + relTol
                        + " x largest " + values[0] + "), so its rank is not decided");
            }
            if (v > cut) {
                rank++;
            }
        }
        return rank;
    }
}
