package twostage.ledger;

/**
 * One compared quantity of a check: the computed value, the reference it is compared with, and the acceptance
 * rule that decides it. Absent numbers are {@code NaN} (written as {@code null} in the ledger).
 *
 * <p>Factories state the rule; {@link #passed()} is always computed from the numbers, never supplied. A computed
 * value that is {@code NaN} or infinite never passes.
 *
 * @param quantity      what is compared, in words (e.g. "||H^2 - H||_F")
 * @param role          whether a failure is a DISCREPANCY with the paper, a FAIL of the suite, or informational
 * @param rule          the acceptance rule
 * @param computed      the value the suite computed
 * @param reference     the value it is compared with (paper formula, independent computation, or bound)
 * @param tolerance     absolute tolerance, or the z-multiplier for {@link Rule#WITHIN_SE}, or the p-value threshold
 * @param standardError Monte Carlo standard error of {@code computed} (or of the difference), where relevant
 * @param pValue        p-value of a statistical test, where relevant
 * @param passed        whether the rule is met
 * @param note          free text: instance, sizes, what a planted error was
 */
public record Evidence(String quantity, Role role, Rule rule, double computed, double reference, double tolerance,
                       double standardError, double pValue, boolean passed, String note) {

    /** The acceptance rules. */
    public enum Rule {
        /** |computed - reference| <= tolerance. */
        ABS_TOL,
        /** |computed - reference| <= tolerance * standardError (Monte Carlo). */
        WITHIN_SE,
        /** pValue >= tolerance (a test that must not reject). */
        P_VALUE,
        /** computed <= reference. */
        AT_MOST,
        /** computed >= reference. */
        AT_LEAST,
        /** a yes/no condition (computed 1 = yes). */
        CONDITION,
        /** no rule; reported only. */
        NONE
    }

    public Evidence {
        if (quantity == null || quantity.isBlank()) {
            throw new IllegalArgumentException("evidence needs a quantity name");
        }
        note = note == null ? "" : note;
    }

    private static boolean finite(double x) {
        return !Double.isNaN(x) && !Double.isInfinite(x);
    }

    /** |computed - reference| <= tol, with tol an absolute tolerance (scale it by dimension and conditioning). */
    public static Evidence close(String quantity, Role role, double computed, double reference, double tol, String note) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        }
        boolean ok = finite(computed) && finite(reference) && Math.abs(computed - reference) <= tol;
        return new Evidence(quantity, role, Rule.ABS_TOL, computed, reference, tol, Double.NaN, Double.NaN, ok, note);
    }

    /** A residual that must vanish: |computed| <= tol. */
    public static Evidence zero(String quantity, Role role, double computed, double tol, String note) {
        return close(quantity, role, computed, 0.0, tol, note);
    }

    /** Monte Carlo estimate within z standard errors of the reference. */
    public static Evidence withinSE(String quantity, Role role, double estimate, double reference, double se,
                                    double z, String note) {
        if (!(se >= 0) || !(z > 0)) {
            throw new IllegalArgumentException("need se >= 0 and z > 0, got se=" + se + ", z=" + z);
        }
        boolean ok = finite(estimate) && finite(reference) && Math.abs(estimate - reference) <= z * se;
        return new Evidence(quantity, role, Rule.WITHIN_SE, estimate, reference, z, se, Double.NaN, ok, note);
    }

    /** A test statistic whose p-value must be at least alpha (the test must not reject). */
    public static Evidence notRejected(String quantity, Role role, double statistic, double pValue, double alpha,
                                       String note) {
        boolean ok = finite(pValue) && pValue >= alpha;
        return new Evidence(quantity, role, Rule.P_VALUE, statistic, Double.NaN, alpha, Double.NaN, pValue, ok, note);
    }

    /** computed <= bound. */
    public static Evidence atMost(String quantity, Role role, double computed, double bound, String note) {
        boolean ok = finite(computed) && computed <= bound;
        return new Evidence(quantity, role, Rule.AT_MOST, computed, bound, Double.NaN, Double.NaN, Double.NaN, ok, note);
    }

    /** computed >= bound. */
    public static Evidence atLeast(String quantity, Role role, double computed, double bound, String note) {
        boolean ok = finite(computed) && computed >= bound;
        return new Evidence(quantity, role, Rule.AT_LEAST, computed, bound, Double.NaN, Double.NaN, Double.NaN, ok, note);
    }

    /** A yes/no condition. */
    public static Evidence condition(String quantity, Role role, boolean holds, String note) {
        return new Evidence(quantity, role, Rule.CONDITION, holds ? 1 : 0, 1, Double.NaN, Double.NaN, Double.NaN, holds,
                note);
    }

    /** A reported figure with no acceptance rule (always "passes"). */
    public static Evidence info(String quantity, double value, String note) {
        return new Evidence(quantity, Role.INFO, Rule.NONE, value, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true,
                note);
    }

    /** A reported figure with its Monte Carlo standard error. */
    public static Evidence info(String quantity, double value, double se, String note) {
        return new Evidence(quantity, Role.INFO, Rule.NONE, value, Double.NaN, Double.NaN, se, Double.NaN, true, note);
    }

    /**
     * Negative control: the same comparison run on a planted error must fail. The result is a CONTROL item that
     * passes exactly when {@code planted} did not pass; it keeps the planted comparison's numbers.
     */
    public static Evidence plantedErrorCaught(String plantedError, Evidence planted) {
        // a planted comparison that recorded no number (e.g. its loop never ran) did not catch anything
        double judged = planted.rule() == Rule.P_VALUE ? planted.pValue() : planted.computed();
        boolean recorded = planted.rule() == Rule.CONDITION || !Double.isNaN(judged);
        return new Evidence("negative control [" + plantedError + "]: " + planted.quantity(), Role.CONTROL, planted.rule(),
                planted.computed(), planted.reference(), planted.tolerance(), planted.standardError(), planted.pValue(),
                recorded && !planted.passed(), (recorded ? "" : "the planted comparison recorded no value; ")
                        + "planted error must be caught; " + planted.note());
    }

    /** The same comparison with another role (used when a CONTROL comparison also decides a CLAIM). */
    public Evidence as(Role newRole) {
        return new Evidence(quantity, newRole, rule, computed, reference, tolerance, standardError, pValue, passed, note);
    }

    /** One-line human summary. */
    public String summary() {
        StringBuilder b = new StringBuilder(quantity).append(": ");
        switch (rule) {
            case ABS_TOL -> b.append(fmt(computed)).append(" vs ").append(fmt(reference)).append(" (tol ").append(fmt(tolerance)).append(')');
            case WITHIN_SE -> b.append(fmt(computed)).append(" vs ").append(fmt(reference)).append(" (SE ").append(fmt(standardError))
                    .append(", z=").append(fmt(Math.abs(computed - reference) / standardError)).append(" vs ").append(fmt(tolerance)).append(')');
            case P_VALUE -> b.append("stat ").append(fmt(computed)).append(", p=").append(fmt(pValue)).append(" (alpha ").append(fmt(tolerance)).append(')');
            case AT_MOST -> b.append(fmt(computed)).append(" <= ").append(fmt(reference));
            case AT_LEAST -> b.append(fmt(computed)).append(" >= ").append(fmt(reference));
            case CONDITION -> b.append(passed ? "holds" : "does not hold");
            case NONE -> b.append(fmt(computed)).append(Double.isNaN(standardError) ? "" : " (SE " + fmt(standardError) + ")");
        }
        b.append(passed ? "" : "  [NOT MET]");
        return b.toString();
    }

    static String fmt(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0 || (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.6g", x);
        }
        return String.format(java.util.Locale.ROOT, "%.4e", x);
    }
}
