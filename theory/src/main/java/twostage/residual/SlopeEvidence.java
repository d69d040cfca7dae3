package twostage.residual;

import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Evidence for Taylor-remainder slope tests. A fitted log-log slope is accepted when it is at least the expected order
 * minus {@link #TOLERANCE} (2 - 0.3 for a first-order expansion of a C^2 map): the remainder of a correct expansion is
 * O(h^2), and a larger slope only means that the second-order term happens to be small along that direction (seen on
 * some random curves at PAPER scale). A wrong derivative leaves an O(h) remainder (slope about 1), which is caught.
 * Callers report the smallest slope over their instances, for the claim and for the planted error alike (the same
 * comparison: "every instance has slope >= 1.7"; a planted error is caught when some instance fails it).
 */
public final class SlopeEvidence {

    /** Accepted deviation of the fitted slope from its expected value. */
    public static final double TOLERANCE = 0.3;

    private SlopeEvidence() {
    }

    public static Evidence slope(String quantity, Role role, TaylorSlope s, double expected, String note) {
        return Evidence.atLeast(quantity, role, s.slope(), expected - TOLERANCE, note + "; " + s);
    }
}
