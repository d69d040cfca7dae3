package twostage.residual;

import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Evidence for Taylor-remainder slope tests. A fitted log-log slope is accepted when it is within
 * {@link #TOLERANCE} of the expected order (2 for a first-order expansion of a C^2 map). With seven steps
 * 1e-1 .. 1e-4 the fitted slope of a correct expansion differs from 2 only through the third-order term at the
 * largest step, well under 0.3 on the instances used; a wrong derivative leaves an O(h) remainder (slope 1).
 */
public final class SlopeEvidence {

    /** Accepted deviation of the fitted slope from its expected value. */
    public static final double TOLERANCE = 0.3;

    private SlopeEvidence() {
    }

    public static Evidence slope(String quantity, Role role, TaylorSlope s, double expected, String note) {
        return Evidence.close(quantity, role, s.slope(), expected, TOLERANCE, note + "; " + s);
    }
}
