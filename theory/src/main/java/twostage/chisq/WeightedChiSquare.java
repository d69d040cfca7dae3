package twostage.chisq;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import twostage.random.Rng;

/**
 * The law of Q = sum_l w_l chi2(k_l, delta_l): independent (possibly noncentral) chi-squares with integer degrees of
 * freedom k_l &gt;= 1, noncentralities delta_l &gt;= 0 and weights w_l &gt;= 0 (a "generalized chi-square" with
 * nonnegative weights). It is the exact limit law of the interaction term of Theorem 5.1 (p. 7):
 * ||L(Z)||^2 = sum_l omega_l chi2_1 with omega the eigenvalues of V^{1/2} Gamma V^{1/2} (claims.md CF3); the full
 * limit sigma^2 d_act + alpha^{-1} Q is {@link #shifted(double, double)}.
 *
 * <p><b>Numerics.</b> The survival function is Imhof's inversion integral evaluated along a parabolic contour
 * through the saddle point ({@link ContourInversion}); it has RELATIVE accuracy (about 1e-13, checked against exact
 * chi-square tails down to 1e-300), so the far upper tail is not computed as 1 - cdf. The cdf is 1 - survival (absolute
 * accuracy about 1e-15) except in the lower tail (cdf &lt; 0.05) of a central law, where it is the chi-square mixture
 * series ({@link ChiSquareMixtureSeries}), positive terms with relative accuracy; that series needs about
 * x / (2 min w) terms and is abandoned (falling back to 1 - survival) beyond 500. Noncentral laws have only the
 * absolute accuracy in the lower tail. A law whose nonzero weights all coincide and which is central is an exact
 * scaled chi-square and
 * uses Commons Statistics' chi-square distribution. Zero weights are dropped; if all weights are zero the law is
 * the point mass at 0 (cdf is the unit step at 0).
 *
 * <p>Immutable and thread-safe.
 */
public final class WeightedChiSquare {

    /** Below this cdf value a central law uses the chi-square mixture series for relative accuracy. */
    private static final double LOWER_TAIL = 0.05;
    private static final int SERIES_TERMS = 500;

    private final double[] weights;
    private final int[] dofs;
    private final double[] noncentralities;
    private final double mean;
    private final double variance;
    /** Non-null when the law is an exact scaled central chi-square with dof sum(k) and scale {@link #scale}. */
    private final ChiSquaredDistribution single;
    private final double scale;
    private final ContourInversion inversion;
    /** Lower-tail series for central laws with distinct weights (null otherwise). */
    private final ChiSquareMixtureSeries lowerTail;

    private WeightedChiSquare(double[] w, int[] k, double[] delta) {
        int n = 0;
        for (double v : w) {
            if (v != 0) {
                n++;
            }
        }
        weights = new double[n];
        dofs = new int[n];
        noncentralities = new double[n];
        double m = 0;
        double v2 = 0;
        boolean central = true;
        boolean equal = true;
        int totalDof = 0;
        for (int l = 0, j = 0; l < w.length; l++) {
            if (w[l] != 0) {
                weights[j] = w[l];
                dofs[j] = k[l];
                noncentralities[j] = delta[l];
                m += w[l] * (k[l] + delta[l]);
                v2 += 2 * w[l] * w[l] * (k[l] + 2 * delta[l]);
                central &= delta[l] == 0;
                equal &= w[l] == weights[0];
                totalDof += k[l];
                j++;
            }
        }
        mean = m;
        variance = v2;
        if (n == 0) {
            single = null;
            scale = 0;
            inversion = null;
        } else if (central && equal) {
            single = ChiSquaredDistribution.of(totalDof);
            scale = weights[0];
            inversion = null;
        } else {
            single = null;
            scale = 0;
            inversion = new ContourInversion(weights, dofs, noncentralities);
        }
        lowerTail = inversion != null && central ? new ChiSquareMixtureSeries(weights, dofs) : null;
    }

    /** Q = sum_l w_l chi2_1 (one degree of freedom each). */
    public static WeightedChiSquare of(double[] weights) {
        requireWeights(weights);
        int[] ones = new int[weights.length];
        Arrays.fill(ones, 1);
        return of(weights, ones);
    }

    /** Q = sum_l w_l chi2_{k_l}, central. */
    public static WeightedChiSquare of(double[] weights, int[] dofs) {
        requireWeights(weights);
        return of(weights, dofs, new double[weights.length]);
    }

    /** Q = sum_l w_l chi2_{k_l}(delta_l), delta_l the noncentrality (sum of squared means of the k_l normals). */
    public static WeightedChiSquare of(double[] weights, int[] dofs, double[] noncentralities) {
        requireWeights(weights);
        if (dofs == null || dofs.length != weights.length) {
            throw new IllegalArgumentException("dofs must have the same length as weights (" + weights.length + ")");
        }
        if (noncentralities == null || noncentralities.length != weights.length) {
            throw new IllegalArgumentException(
                    "noncentralities must have the same length as weights (" + weights.length + ")");
        }
        for (int l = 0; l < weights.length; l++) {
            if (!(weights[l] >= 0) || Double.isInfinite(weights[l])) {
                throw new IllegalArgumentException(
                        "weights must be finite and >= 0 (found " + weights[l] + " at index " + l + ")");
            }
            if (dofs[l] < 1) {
                throw new IllegalArgumentException("dofs must be >= 1 (found " + dofs[l] + " at index " + l + ")");
            }
            if (!(noncentralities[l] >= 0) || Double.isInfinite(noncentralities[l])) {
                throw new IllegalArgumentException("noncentralities must be finite and >= 0 (found "
                        + noncentralities[l] + " at index " + l + ")");
            }
        }
        return new WeightedChiSquare(weights.clone(), dofs.clone(), noncentralities.clone());
    }

    /** The nonzero weights, in input order. */
    public double[] weights() {
        return weights.clone();
    }

    /** The degrees of freedom of the nonzero weights. */
    public int[] dofs() {
        return dofs.clone();
    }

    /** The noncentralities of the nonzero weights. */
    public double[] noncentralities() {
        return noncentralities.clone();
    }

    /** Whether all weights are zero (Q = 0 almost surely). */
    public boolean isPointMass() {
        return weights.length == 0;
    }

    /** E Q = sum_l w_l (k_l + delta_l). */
    public double mean() {
        return mean;
    }

    /** Var Q = 2 sum_l w_l^2 (k_l + 2 delta_l). */
    public double variance() {
        return variance;
    }

    /** P(Q &gt; x), with relative accuracy in the upper tail. */
    public double survival(double x) {
        requireNotNaN(x);
        if (x < 0) {
            return 1;
        }
        if (isPointMass()) {
            return 0;
        }
        if (x == 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        if (single != null) {
            return single.survivalProbability(x / scale);
        }
        return Math.min(1, Math.max(0, inversion.survival(x)));
    }

    /** P(Q &lt;= x). */
    public double cdf(double x) {
        requireNotNaN(x);
        if (x < 0) {
            return 0;
        }
        if (isPointMass()) {
            return 1;
        }
        if (single != null) {
            return single.cumulativeProbability(x / scale);
        }
        double c = 1 - survival(x);
        if (c < LOWER_TAIL && lowerTail != null) {
            // 1 - P(Q > x) has only absolute accuracy; the chi-square mixture series has relative accuracy here
            double series = lowerTail.cdf(x, SERIES_TERMS);
            if (!Double.isNaN(series)) {
                return series;
            }
        }
        return c;
    }

    /** The density at x (0 for x &lt;= 0; undefined for the point mass, which throws). */
    public double density(double x) {
        requireNotNaN(x);
        if (isPointMass()) {
            throw new IllegalStateException("the point mass at 0 has no density");
        }
        if (x <= 0 || Double.isInfinite(x)) {
            return 0;
        }
        if (single != null) {
            return single.density(x / scale) / scale;
        }
        return Math.max(0, inversion.density(x));
    }

    /** The smallest t with P(Q &lt;= t) &gt;= p, for p in [0, 1]. */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (isPointMass() || p == 0) {
            return 0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return upperQuantile(1 - p);
        }
        if (single != null) {
            return scale * single.inverseCumulativeProbability(p);
        }
        double lp = Math.log(p);
        return solve(t -> Math.log(cdf(t)) - lp, false, p);
    }

    /** The t with P(Q &gt; t) = delta, for delta in [0, 1], computed from the survival (accurate for tiny delta). */
    public double upperQuantile(double delta) {
        if (!(delta >= 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1], got " + delta);
        }
        if (isPointMass() || delta == 1) {
            return 0;
        }
        if (delta == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (single != null) {
            return scale * single.inverseSurvivalProbability(delta);
        }
        double ld = Math.log(delta);
        return solve(t -> ld - Math.log(survival(t)), true, delta);
    }

    /** Root of an increasing function of t on (0, inf), bracketed by doubling from the mean. */
    private double solve(DoubleUnaryOperator f, boolean upper, double target) {
        double lo = mean;
        double hi = mean;
        double flo = f.applyAsDouble(lo);
        double fhi = flo;
        if (flo < 0) {
            for (int i = 0; i < 2000 && fhi < 0; i++) {
                lo = hi;
                flo = fhi;
                hi = 2 * hi;
                fhi = f.applyAsDouble(hi);
            }
        } else {
            for (int i = 0; i < 2000 && flo > 0; i++) {
                hi = lo;
                fhi = flo;
                lo = 0.5 * lo;
                flo = f.applyAsDouble(lo);
            }
        }
        if (flo == 0) {
            return lo;
        }
        if (fhi == 0) {
            return hi;
        }
        if (!(flo < 0 && fhi > 0)) {
            throw new IllegalStateException("could not bracket the " + (upper ? "upper " : "") + "quantile of "
                    + target + " (f(" + lo + ")=" + flo + ", f(" + hi + ")=" + fhi + ")");
        }
        BrentSolver solver = new BrentSolver(1e-15, Double.MIN_NORMAL, 1e-300);
        return solver.solve(500, f::applyAsDouble, lo, hi);
    }

    /** One draw of Q. */
    public double sample(Rng rng) {
        double q = 0;
        for (int l = 0; l < weights.length; l++) {
            q += weights[l] * chiSquareDraw(dofs[l], noncentralities[l], rng);
        }
        return q;
    }

    /** n independent draws of Q. */
    public double[] sample(int n, Rng rng) {
        if (n < 0) {
            throw new IllegalArgumentException("sample size must be >= 0, got " + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = sample(rng);
        }
        return out;
    }

    private static double chiSquareDraw(int k, double delta, Rng rng) {
        double z = rng.gaussian() + Math.sqrt(delta);
        double s = z * z;
        if (k - 1 > 24) {
            return s + AhrensDieterMarsagliaTsangGammaSampler.of(rng.uniform(), 0.5 * (k - 1), 2).sample();
        }
        for (int j = 1; j < k; j++) {
            double g = rng.gaussian();
            s += g * g;
        }
        return s;
    }

    /** The law of shift + scale * Q (scale &gt; 0), e.g. sigma^2 d_act + Q / alpha in Theorem 5.1. */
    public ShiftedWeightedChiSquare shifted(double shift, double scale) {
        return ShiftedWeightedChiSquare.of(this, shift, scale);
    }

    private static void requireWeights(double[] weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights must be non-empty");
        }
    }

    private static void requireNotNaN(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("argument must not be NaN");
        }
    }

    @Override
    public String toString() {
        return "WeightedChiSquare(weights=" + Arrays.toString(weights) + ", dofs=" + Arrays.toString(dofs)
                + ", noncentralities=" + Arrays.toString(noncentralities) + ")";
    }
}
