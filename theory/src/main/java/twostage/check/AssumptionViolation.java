package twostage.check;

/**
 * Thrown when an instance violates an assumption a claim needs (e.g. Assumption 6.1's eigengap is numerically zero,
 * H* is not positive definite, a design is too ill-conditioned for its numerical rank to be decided). A check that
 * meets one is recorded as NOT_CHECKABLE on that instance with the violation as its reason, never as a false FAIL.
 * It is an IllegalArgumentException, so public entry points that validate their input throw it directly, and callers
 * that reject bad input by catching IllegalArgumentException keep working.
 */
public class AssumptionViolation extends IllegalArgumentException {

    private final String assumption;
    private final String detail;

    /**
     * @param assumption the paper's name of the assumption, e.g. "Assumption 6.1", or the numerical condition, e.g.
     *                   "well-separated numerical rank"
     * @param detail     what was measured, e.g. "eigengap lambda_k - lambda_{k+1} = 3e-15"
     */
    public AssumptionViolation(String assumption, String detail) {
        super(assumption + " violated: " + detail);
        this.assumption = assumption;
        this.detail = detail;
    }

    public String assumption() {
        return assumption;
    }

    public String detail() {
        return detail;
    }

    /** The same violation with where it happened appended (e.g. the replication and its seed). */
    public AssumptionViolation at(String where) {
        AssumptionViolation v = new AssumptionViolation(assumption, detail + " [" + where + "]");
        v.initCause(this);
        return v;
    }
}
