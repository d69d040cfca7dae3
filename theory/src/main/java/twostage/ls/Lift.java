package twostage.ls;

/**
 * lift_n(v) of Definition C.10 (p. 32) on a G-LIN law: a function on the support whose values at the design points
 * are v, and whose values elsewhere are taken from a free "background" function. A lift exists only if v gives the
 * same value to repeated design points (a finite-support design repeats points; the paper's continuous designs do
 * not); otherwise {@link #of} rejects v.
 */
public final class Lift {

    private Lift() {
    }

    /**
     * @param law        the G-LIN law
     * @param design     design as support indices
     * @param v          sample values, length n
     * @param background values off the design, one per support point
     * @return g with g(x_i) = v_i and g = background off {x_1..x_n}
     */
    public static double[] of(FiniteSupportLaw law, int[] design, double[] v, double[] background) {
        if (v.length != design.length) {
            throw new IllegalArgumentException("sample values (" + v.length + ") must match the design size ("
                    + design.length + ")");
        }
        if (background.length != law.size()) {
            throw new IllegalArgumentException("background must have one value per support point (N=" + law.size()
                    + "), got " + background.length);
        }
        twostage.linalg.Checks.requireFinite("background function", background);
        double[] g = background.clone();
        boolean[] set = new boolean[law.size()];
        for (int i = 0; i < design.length; i++) {
            int s = design[i];
            if (s < 0 || s >= law.size()) {
                throw new IllegalArgumentException("design index must be in [0, N=" + law.size() + "), got " + s);
            }
            twostage.linalg.Checks.requireFinite("sample value v_" + i, v[i]);
            if (set[s] && g[s] != v[i]) {
                throw new IllegalArgumentException("lift_n(v) does not exist: design point " + s
                        + " is repeated with different values " + g[s] + " and " + v[i]);
            }
            g[s] = v[i];
            set[s] = true;
        }
        return g;
    }
}
