package twostage.factor;

/** Number formatting for evidence notes (5 significant digits, locale-independent). */
final class Fmt {

    private Fmt() {
    }

    static String g(double v) {
        return String.format(java.util.Locale.ROOT, "%.5g", v);
    }
}
