package twostage.chisq;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The lower tail of a central Q = sum_l w_l chi2(k_l) (all w_l &gt; 0) as a mixture of chi-square cdfs
 * (the expansion of Kotz, Johnson and Boyd, 1967, with the smallest weight as scale):
 * P(Q &lt;= x) = sum_{j &gt;= 0} a_j P(chi2_{K + 2j} &lt;= x / beta), K = sum k_l, beta = min w_l.
 *
 * <p>Derivation: with g_l = 1 - beta / w_l in [0, 1), the Laplace transform of Q / beta factors as
 * prod_l (beta/w_l)^{k_l/2} (1 - g_l z)^{-k_l/2} evaluated at z = 1/(1 - 2 s) times (1 - 2s)^{-K/2}, i.e. a mixture
 * of chi2_{K+2j} laws with the weights a_j of the power series of A(z) = prod_l (beta/w_l)^{k_l/2}
 * (1 - g_l z)^{-k_l/2}. They satisfy a_0 = prod_l (beta/w_l)^{k_l/2}, j a_j = sum_{r=0}^{j-1} G_{j-r} a_r with
 * G_m = sum_l (k_l/2) g_l^m (from A'/A), are all &gt;= 0 and sum to 1. Every term is positive, so the sum has
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

    ChiSquareMixtureSeries(double[] weights, int[] dofs) {
        double min = Double.POSITIVE_INFINITY;
        for (double w : weights) {
            min = Math.min(min, w);
        }
        beta = min;
        halfK = new double[weights.length];
        g = new double[weights.length];
        double logA0 = 0;
        int k = 0;
        for (int l = 0; l < weights.length; l++) {
            halfK[l] = 0.5 * dofs[l];
            g[l] = weights[l] == min ? 0 : 1 - min / weights[l];
            logA0 += halfK[l] * Math.log(min / weights[l]);
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
        double[] a = new double[maxTerms];
        double[] pw = g.clone(); // g_l^m for the current m
        double[] bigG = new double[maxTerms];
        a[0] = a0;
        double sum = a0 * ChiSquaredDistribution.of(totalDof).cumulativeProbability(y);
        double mass = a0;
        for (int j = 1; j < maxTerms; j++) {
            double gj = 0;
            for (int l = 0; l < g.length; l++) {
                gj += halfK[l] * pw[l];
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
