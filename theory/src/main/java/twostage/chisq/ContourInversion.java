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

    private final double[] twoW;
    private final double[] halfK;
    private final double[] nc;
    private final double[] w;
    /** 1 - w_l / max w, so that 1 - 2 w_l c = r_l + 2 w_l d is accurate when c is near b. */
    private final double[] r;
    private final double b;
    private final boolean central;

    ContourInversion(double[] weights, int[] dofs, double[] noncentralities) {
        int n = weights.length;
        w = weights.clone();
        twoW = new double[n];
        halfK = new double[n];
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
     * Im[ exp(log M(s) - s x - norm) s'(tau) / s^{[survival]} ] / pi at s = c + a tau^2 + i tau; env[0] receives the
     * modulus of the same expression.
     */
    private double integrand(double tau, double x, double c, double d, double a, double norm, boolean survival, double[] env) {
        double sIm = tau;
        double at2 = a * tau * tau;
        double sRe = c + at2;
        double logRe = 0;
        double logIm = 0;
        for (int l = 0; l < w.length; l++) {
            // z = 1 - 2 w s = r_l + 2 w d - 2 w (a tau^2 + i tau)
            double zr = r[l] + twoW[l] * (d - at2);
            double zi = -twoW[l] * tau;
            logRe -= halfK[l] * 0.5 * Math.log(zr * zr + zi * zi);
            logIm -= halfK[l] * Math.atan2(zi, zr);
            if (!central && nc[l] != 0) {
                // delta w s / z
                double den = zr * zr + zi * zi;
                double nr = sRe * zr + sIm * zi;
                double ni = sIm * zr - sRe * zi;
                logRe += nc[l] * w[l] * nr / den;
                logIm += nc[l] * w[l] * ni / den;
            }
        }
        double eRe = logRe - sRe * x - norm;
        double eIm = logIm - sIm * x;
        // multiply by s' = 2 a tau + i
        double dRe = 2 * a * tau;
        double dIm = 1;
        if (survival) {
            // divide by s: add -log s
            eRe -= 0.5 * Math.log(sRe * sRe + sIm * sIm);
            eIm -= Math.atan2(sIm, sRe);
        }
        double mod = Math.exp(eRe);
        double vr = mod * Math.cos(eIm);
        double vi = mod * Math.sin(eIm);
        env[0] = mod * Math.hypot(dRe, dIm) / Math.PI;
        return (vr * dIm + vi * dRe) / Math.PI;
    }
}
