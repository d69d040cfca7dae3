package twostage.check;

/**
 * Thrown when an instance violates an assumption a claim needs (e.g. Assumption 6.1's eigengap is numerically zero,
 * H* is not positive definite, a design is too ill-conditioned for the stated tolerance). A check that meets one is
 * recorded as NOT_CHECKABLE on that instance with the violation as its reason, never as a false FAIL. It is an
 * IllegalArgumentException, so public entry points that validate their input can throw it directly.
 */
public class AssumptionViolation extends IllegalArgumentException {

    private final String assumption;

    /**
     * @param assumption the paper's name of the assumption, e.g. "Assumption 6.1"
     * @param detail     what was measured, e.g. "eigengap lambda_k - lambda_{k+1} = 3e-15"
     */
    public AssumptionViolation(String assumption, String detail) {
        super(assumption + " violated: " + detail);
        this.assumption = assumption;
    }

    public String assumption() {
        return assumption;
    }
}
