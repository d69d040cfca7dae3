package twostage.ledger;

/** Outcome of a check, computed from its evidence (never written by hand). */
public enum Status {
    /** Every comparison met its acceptance rule. */
    PASS,
    /** An internal comparison or a negative control failed: the suite itself is wrong. Fails the build. */
    FAIL,
    /** The check ran and the paper's statement disagrees with the computation. Does not fail the build. */
    DISCREPANCY,
    /** The item cannot be checked as stated; a numeric proxy ran instead. */
    NOT_CHECKABLE,
    /** No check exists yet for this catalogue item. */
    PENDING;

    /** Severity order used when several checks of one claim are merged: FAIL > DISCREPANCY > PASS > NOT_CHECKABLE > PENDING. */
    public int severity() {
        return switch (this) {
            case FAIL -> 4;
            case DISCREPANCY -> 3;
            case PASS -> 2;
            case NOT_CHECKABLE -> 1;
            case PENDING -> 0;
        };
    }

    public static Status worst(Status a, Status b) {
        return a.severity() >= b.severity() ? a : b;
    }
}
