package twostage.chisq;

/**
 * Exact inversion of the Laplace transform of Q = sum_l w_l chi2(k_l, delta_l) (all w_l > 0) along a parabolic
 * contour through the saddle point.
 *
 * <p><b>Formula.</b> With M(s) = E e^{sQ} = prod_l (1 - 2 w_l s)^{-k_l/2} exp(delta_l w_l s / (1 - 2 w_l s)),
 * analytic for Re s &lt; b := 1/(2 max w), the step-function inversion gives, for any 0 &lt; c &lt; b,
 * P(Q &gt; x) = (1/(2 pi i)) int_{c - i inf}^{c + i inf} M(s) e^{-s x} / s ds. This is Imhof's (1961) formula with
 * the line moved off the pole at 0. Because e^{-sx} decays to the right, the vertical line can be bent into the
 * parabola s(tau) = c + tau^2/(4d) + i tau (d = b - c) without crossing a singularity: the branch points
 * 1/(2 w_l) lie on the real axis inside it, the pole 0 lies outside, and the arcs at infinity vanish. The
 * parabola's focus is the first branch point b, so it is the image of a straight line under s = b - u^2, the
 * natural steepest-descent shape near that branch point. By conjugate symmetry,
 * P(Q &gt; x) = (1/pi) int_0^inf Im[ M(s) e^{-sx} s'(tau) / s ] dtau.
 *
 * <p><b>Saddle point.</b> c minimises h(c) = log M(c) - c x - log c over (0, b) (h is convex, so the root of
 * h'(c) = 0 is unique); the contour crosses the real axis there in the steepest-descent direction, so the
 * integrand is bounded by its value e^{h(c)} at tau = 0 up to slowly varying factors and the integral carries no
 * cancellation. The factor e^{h(c)} is pulled out, which gives RELATIVE accuracy however small P(Q &gt; x) is
 * (down to the double range, about 1e-300). The density uses the same contour without the 1/s.
 *
 * <p><b>Quadrature.</b> Panels [0, sd], [sd, 2 sd], [2 sd, 4 sd], ... (sd = 1/sqrt(h''(c)), the width of the
 * Gaussian bump at the saddle), each by adaptive Gauss-Legendre to 1e-15 sd / pi; the panel sequence stops when
 * the integrand envelope times the abscissa, an upper estimate of the remaining tail (the integrand decays like
 * tau^{-1-K/2} exp(-x tau^2/(4d)), K = sum k_l), is below 1e-16 of the running total.
 */
final class ContourInversion {

    private static final double REL_TOL = 1e-15;
    private static final double HALF_PI = 0.5 * Math.PI;
    private static final double LN2 = Math.log(2);

    private final double[] twoW;
    private final double[] halfK;
    private final int[] dof;
    private final double[] nc;
    private final double[] w;
    /** 1 - w_l / max w, so that 1 - 2 w_l c = r_l + 2 w_l d is accurate when c is near b. */
    private final double[] r;
    private final double b;
    private final boolean central;
    /** Whether to use the single-logarithm product form of log M (see logFast); false only in tests. */
    private final boolean fast;

    ContourInversion(double[] weights, int[] dofs, double[] noncentralities) {
        this(weights, dofs, noncentralities, true);
    }

    ContourInversion(double[] weights, int[] dofs, double[] noncentralities, boolean fast) {
        this.fast = fast;
        int n = weights.length;
        w = weights.clone();
        twoW = new double[n];
        halfK = new double[n];
        dof = dofs.clone();
        nc = noncentralities.clone();
        r = new double[n];
        double wmax = 0;
        boolean cen = true;
        for (int l = 0; l < n; l++) {
            wmax = Math.max(wmax, w[l]);
            twoW[l] = 2 * w[l];
            halfK[l] = 0.5 * dofs[l];
            cen &= nc[l] == 0;
        }
        for (int l = 0; l < n; l++) {
            r[l] = w[l] == wmax ? 0.0 : 1 - w[l] / wmax;
        }
        central = cen;
        b = 0.5 / wmax;
    }

    /** The saddle-point data for a given x. */
    private record Saddle(double c, double d, double h, double logM, double sd) {
    }

    /** K(c), K'(c), K''(c) at c = b - d. */
    private double[] cumulants(double d) {
        double c = b - d;
        double k0 = 0;
        double k1 = 0;
        double k2 = 0;
        for (int l = 0; l < w.length; l++) {
            double alpha = r[l] + twoW[l] * d;
            double q = w[l] / alpha;
            k0 -= halfK[l] * Math.log(alpha);
            k1 += 2 * halfK[l] * q;
            k2 += 4 * halfK[l] * q * q;
            if (nc[l] != 0) {
                k0 += nc[l] * q * c;
                k1 += nc[l] * q / alpha;
                k2 += 4 * nc[l] * q * q / alpha;
            }
        }
        return new double[] {k0, k1, k2};
    }

    private Saddle saddle(double x) {
        // g(d) = K'(b - d) - x - 1/(b - d) is decreasing in d on (0, b), from +inf to -inf.
        double lo = 0;
        double hi = b;
        double d = 0.5 * b;
        for (int it = 0; it < 200; it++) {
            double[] k = cumulants(d);
            double c = b - d;
            double g = k[1] - x - 1 / c;
            if (g > 0) {
                lo = d;
            } else {
                hi = d;
            }
            double next = d + g / (k[2] + 1 / (c * c));
            if (!(next > lo && next < hi)) {
                // Newton left the bracket: bisect, geometrically while the bracket spans orders of magnitude
                next = lo > 0 && hi > 4 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
            }
            if (Math.abs(next - d) <= 1e-12 * d || hi - lo <= 1e-14 * hi) {
                d = next;
                break;
            }
            d = next;
        }
        double[] k = cumulants(d);
        double c = b - d;
        double h = k[0] - c * x - Math.log(c);
        return new Saddle(c, d, h, k[0], 1 / Math.sqrt(k[2] + 1 / (c * c)));
    }

    /** P(Q &gt; x) for x &gt; 0. */
    double survival(double x) {
        Saddle sp = saddle(x);
        double total = integrate(x, sp, true, sp.h());
        return Math.exp(sp.h()) * total;
    }

    /** The density of Q at x &gt; 0. */
    double density(double x) {
        Saddle sp = saddle(x);
        double norm = sp.logM() - sp.c() * x;
        return Math.exp(norm) * integrate(x, sp, false, norm);
    }

    private double integrate(double x, Saddle sp, boolean survival, double norm) {
        double c = sp.c();
        double a = curvature(x, sp);
        double sd = sp.sd();
        double[] env = new double[1];
        java.util.function.DoubleUnaryOperator f = tau -> integrand(tau, x, c, sp.d(), a, norm, survival, env);
        // the integrand's own rounding error is about eps times the size of the exponent it is computed from
        double noise = 8 * Math.ulp(1.0) * (1 + Math.abs(norm) + Math.abs(c * x) + Math.abs(sp.logM()));
        double tol = Math.max(REL_TOL, noise) * sd / Math.PI;
        double total = GaussLegendrePanels.integrate(f, 0, sd, tol);
        double lo = sd;
        for (int j = 0; j < 2000; j++) {
            double hi = 2 * lo;
            total += GaussLegendrePanels.integrate(f, lo, hi, tol);
            integrand(hi, x, c, sp.d(), a, norm, survival, env);
            if (env[0] * hi <= 1e-16 * Math.abs(total) || env[0] == 0 || Double.isInfinite(hi)) {
                break;
            }
            lo = hi;
        }
        return total;
    }

    /**
     * The parabola's curvature a: at most 1/(4d) (focus at the first branch point), and at most w_l / (1 - 2 w_l c)
     * for every weight whose branch point 1/(2 w_l) is reached while e^{-x (Re s - c)} is still above e^-40; the
     * latter keeps every |1 - 2 w_l s| increasing along the contour, so the contour does not graze a branch point
     * where the integrand would be large and oscillating.
     */
    private double curvature(double x, Saddle sp) {
        double a = 0.25 / sp.d();
        for (int l = 0; l < w.length; l++) {
            double alpha = r[l] + twoW[l] * sp.d();
            if (x * (alpha / twoW[l]) < 40) {
                a = Math.min(a, w[l] / alpha);
            }
        }
        return a;
    }

    /**
     * Im[ exp(log M(s) - s x - norm) s'(tau) / s^{[survival]} ] / pi at s = c + a tau^2 + i tau (tau &gt; 0); env[0]
     * receives the modulus of the same expression.
     */
    private double integrand(double tau, double x, double c, double d, double a, double norm, boolean survival,
                             double[] env) {
        double sIm = tau;
        double at2 = a * tau * tau;
        double sRe = c + at2;
        double[] lg = new double[2];
        if (!(fast && logFast(tau, d, at2, sRe, sIm, survival, lg))) {
            logSlow(tau, d, at2, sRe, sIm, survival, lg);
        }
        double logRe = lg[0];
        double logIm = lg[1];
        if (!central) {
            for (int l = 0; l < w.length; l++) {
                if (nc[l] != 0) {
                    // + delta w s / z with z = 1 - 2 w s
                    double zr = r[l] + twoW[l] * (d - at2);
                    double zi = -twoW[l] * tau;
                    double den = zr * zr + zi * zi;
                    double nr = sRe * zr + sIm * zi;
                    double ni = sIm * zr - sRe * zi;
                    logRe += nc[l] * w[l] * nr / den;
                    logIm += nc[l] * w[l] * ni / den;
                }
            }
        }
        double mod = Math.exp(logRe - sRe * x - norm);
        double phase = logIm - sIm * x;
        // times s' = 2 a tau + i
        double dRe = 2 * a * tau;
        env[0] = mod * Math.hypot(dRe, 1) / Math.PI;
        return mod * (Math.cos(phase) + Math.sin(phase) * dRe) / Math.PI;
    }

    /**
     * log of prod_l z_l^{-k_l/2} (times 1/s for the survival), z_l = 1 - 2 w_l s, one complex logarithm per factor.
     */
    private void logSlow(double tau, double d, double at2, double sRe, double sIm, boolean survival, double[] out) {
        double logRe = 0;
        double logIm = 0;
        for (int l = 0; l < w.length; l++) {
            double zr = r[l] + twoW[l] * (d - at2);
            double zi = -twoW[l] * tau;
            logRe -= halfK[l] * 0.5 * Math.log(zr * zr + zi * zi);
            logIm -= halfK[l] * Math.atan2(zi, zr);
        }
        if (survival) {
            logRe -= 0.5 * Math.log(sRe * sRe + sIm * sIm);
            logIm -= Math.atan2(sIm, sRe);
        }
        out[0] = logRe;
        out[1] = logIm;
    }

    /**
     * The same logarithm with a single complex logarithm: P = prod_l (i z_l)^{k_l} (times s^2 for the survival) is
     * accumulated with its exponent split off, and its argument is unwrapped by counting quadrant crossings. Each
     * factor turns P by less than pi/2 (Re(i z_l) = 2 w_l tau &gt; 0 and Re s &gt; 0), so P crosses at most one
     * quadrant boundary per factor. Returns false (caller falls back to {@link #logSlow}) if that invariant is not
     * seen numerically.
     */
    private boolean logFast(double tau, double d, double at2, double sRe, double sIm, boolean survival,
                            double[] out) {
        double pr = 1;
        double pi = 0;
        int quad = 0;
        int q = 0;
        long exponent = 0;
        int rotations = 0;
        int count = 0;
        int factors = w.length + (survival ? 1 : 0);
        for (int l = 0; l < factors; l++) {
            double fr;
            double fi;
            int times;
            if (l < w.length) {
                fr = twoW[l] * tau;
                fi = r[l] + twoW[l] * (d - at2);
                times = dof[l];
                rotations += times;
            } else {
                fr = sRe;
                fi = sIm;
                times = 2;
            }
            for (int t = 0; t < times; t++) {
                double nr = pr * fr - pi * fi;
                double ni = pr * fi + pi * fr;
                int qn = quadrant(nr, ni);
                int diff = (qn - q) & 3;
                if (diff == 1) {
                    quad++;
                } else if (diff == 3) {
                    quad--;
                } else if (diff == 2) {
                    return false;
                }
                q = qn;
                pr = nr;
                pi = ni;
                if ((++count & 7) == 0) {
                    // split off the exponent every 8 factors (each factor is far from the double range limits)
                    int e = Math.getExponent(Math.abs(nr) + Math.abs(ni));
                    pr = Math.scalb(nr, -e);
                    pi = Math.scalb(ni, -e);
                    exponent += e;
                }
            }
        }
        double theta0 = Math.atan2(pi, pr);
        double m = Math.rint((quad * HALF_PI + 0.5 * HALF_PI - theta0) / (2 * Math.PI));
        double theta = theta0 + 2 * Math.PI * m;
        // theta = sum_l k_l (arg z_l + pi/2) [+ 2 arg s]
        double logMod = Math.log(Math.hypot(pr, pi)) + exponent * LN2;
        out[0] = -0.5 * logMod;
        out[1] = -0.5 * (theta - rotations * HALF_PI);
        return true;
    }

    private static int quadrant(double re, double im) {
        if (re > 0 && im >= 0) {
            return 0;
        }
        if (re <= 0 && im > 0) {
            return 1;
        }
        if (re < 0) {
            return 2;
        }
        return 3;
    }
}
