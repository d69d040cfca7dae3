package twostage.check;

import java.util.Locale;

/** How big the Monte Carlo and asymptotic runs are: CI (inside {@code mvn verify}) or PAPER (the audit). */
public enum Scale {
    CI, PAPER;

    public static Scale parse(String s) {
        if (s == null || s.isBlank()) {
            return CI;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scale must be 'ci' or 'paper', got '" + s + "'");
        }
    }

    /** {@code ci} if CI, else {@code paper}. */
    public <T> T pick(T ci, T paper) {
        return this == CI ? ci : paper;
    }

    public int pick(int ci, int paper) {
        return this == CI ? ci : paper;
    }
}
