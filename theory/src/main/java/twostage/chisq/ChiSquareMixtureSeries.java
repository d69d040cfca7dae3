package twostage.chisq;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The lower tail of Q = sum_l w_l chi2(k_l, delta_l) (all w_l &gt; 0) as a mixture of chi-square cdfs
 * (the expansion of Kotz, Johnson and Boyd, 1967, with the smallest weight as scale):
 * P(Q &lt;= x) = sum_{j &gt;= 0} a_j P(chi2_{K + 2j} &lt;= x / beta), K = sum k_l, beta = min w_l.
 *
 * <p>Derivation: put u = 1/(1 - 2s) (so u^{m/2} is the Laplace transform of chi2_m at s) and g_l = 1 - beta/w_l
 * in [0, 1). Then 1 - 2 (w_l/beta) s = (w_l/(beta u)) (1 - g_l u), and the Laplace transform of Q / beta is
 * u^{K/2} A(u) with A(u) = prod_l (beta/w_l)^{k_l/2} e^{-delta_l/2} (1 - g_l u)^{-k_l/2}
 * exp((delta_l beta / (2 w_l)) sum_{m &gt;= 0} g_l^m u^{m+1}), i.e. a mixture of chi2_{K+2j} laws with the weights
 * a_j of the power series of A. Reading off A'/A gives a_0 = prod_l (beta/w_l)^{k_l/2} e^{-delta_l/2} and
 * j a_j = sum_{r=0}^{j-1} G_{j-r} a_r with G_m = sum_l [(k_l/2) g_l^m + (delta_l beta/(2 w_l)) m g_l^{m-1}]; all
 * a_j are &gt;= 0 and they sum to A(1) = 1. Every term is positive, so the sum has
 * RELATIVE accuracy however small P(Q &lt;= x) is; since P(chi2_{K+2j} &lt;= y) decreases in j, the remainder after J
 * terms is at most P(chi2_{K+2J} &lt;= y) (1 - sum_{j&lt;J} a_j), which is the stopping rule. It converges fast for
 * x small compared with beta (K/2 + J well above x / (2 beta)), which is where 1 - P(Q &gt; x) loses relative accuracy.
 */
final class ChiSquareMixtureSeries {

    private final double beta;
    private final double a0;
    private final int totalDof;
    private final double[] halfK;
    private final double[] g;
    /** delta_l beta / (2 w_l). */
    private final double[] ncHalf;

    ChiSquareMixtureSeries(double[] weights, int[] dofs, double[] noncentralities) {
        double min = Double.POSITIVE_INFINITY;
        for (double w : weights) {
            min = Math.min(min, w);
        }
        beta = min;
        halfK = new double[weights.length];
        g = new double[weights.length];
        ncHalf = new double[weights.length];
        double logA0 = 0;
        int k = 0;
        for (int l = 0; l < weights.length; l++) {
            halfK[l] = 0.5 * dofs[l];
            g[l] = weights[l] == min ? 0 : 1 - min / weights[l];
            logA0 += halfK[l] * Math.log(min / weights[l]) - 0.5 * noncentralities[l];
            ncHalf[l] = 0.5 * noncentralities[l] * min / weights[l];
            k += dofs[l];
        }
        a0 = Math.exp(logA0);
        totalDof = k;
    }

    /**
     * P(Q &lt;= x) for x &gt; 0 to relative accuracy about 1e-15, or NaN if the series needs more than
     * {@code maxTerms} terms (or a0 underflows).
     */
    double cdf(double x, int maxTerms) {
        if (!(a0 > 0)) {
            return Double.NaN;
        }
        double y = x / beta;
        // the terms only become negligible once K + 2j exceeds y by about 8.3 sd of chi2_{K+2j} (sd ~ sqrt(2y)):
        // skip the series at once when that needs more than maxTerms terms
        if ((y - totalDof + 8.3 * Math.sqrt(2 * y)) / 2 > maxTerms) {
            return Double.NaN;
        }
        double[] a = new double[maxTerms];
        double[] pw = g.clone(); // g_l^j in step j
        double[] prev = new double[g.length]; // g_l^(j-1) in step j
        java.util.Arrays.fill(prev, 1.0);
        double[] bigG = new double[maxTerms];
        a[0] = a0;
        double sum = a0 * ChiSquaredDistribution.of(totalDof).cumulativeProbability(y);
        double mass = a0;
        for (int j = 1; j < maxTerms; j++) {
            double gj = 0;
            for (int l = 0; l < g.length; l++) {
                gj += halfK[l] * pw[l] + ncHalf[l] * j * prev[l];
                prev[l] = pw[l];
                pw[l] *= g[l];
            }
            bigG[j] = gj;
            double s = 0;
            for (int r = 0; r < j; r++) {
                s += bigG[j - r] * a[r];
            }
            a[j] = s / j;
            double f = ChiSquaredDistribution.of(totalDof + 2 * j).cumulativeProbability(y);
            sum += a[j] * f;
            mass += a[j];
            // the computed 1 - mass is only good to about j ulps
            if (f * Math.max(1 - mass, 4e-16 * j) <= 1e-16 * sum || f == 0) {
                return sum;
            }
        }
        return Double.NaN;
    }
}
