package twostage.ls;

/**
 * Running maximum (or minimum) of residual / tolerance over the random instances of a check, with the instance where
 * it occurred, so evidence can report "worst residual in units of its tolerance" and where it happened.
 */
final class Worst {

    private final boolean largest;
    private double ratio;
    private double tolerance = Double.NaN;
    private String where = "";
    private int count;

    private Worst(boolean largest) {
        this.largest = largest;
        this.ratio = largest ? 0 : Double.POSITIVE_INFINITY;
    }

    /** Tracks the largest ratio (for identities that must hold). */
    static Worst max() {
        return new Worst(true);
    }

    /** Tracks the smallest ratio (for planted errors that must be caught on every instance). */
    static Worst min() {
        return new Worst(false);
    }

    void record(double residual, double tol, String instance) {
        double r = Double.isNaN(residual) ? Double.POSITIVE_INFINITY : residual / tol;
        count++;
        if (largest ? r > ratio || count == 1 : r < ratio) {
            ratio = r;
            tolerance = tol;
            where = instance;
        }
    }

    /** The extreme ratio; NaN when nothing was recorded, so a check that examined no instance cannot pass. */
    double ratio() {
        return count == 0 ? Double.NaN : ratio;
    }

    int count() {
        return count;
    }

    String note() {
        return count + " instances; extreme at " + where + " (tol " + String.format(java.util.Locale.ROOT, "%.3e",
                tolerance) + ")";
    }
}
