package twostage.chisq;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.stats.KolmogorovSmirnov;

/**
 * The exact limit law of Theorem 5.1 (p. 7): n(R - sigma^2) converges to sigma^2 d_act + alpha^{-1} ||L(Z)||^2, and
 * ||L(Z)||^2 = sum_l omega_l chi2_1 (claims.md CF3). Every check of the theorem compares against
 * {@link WeightedChiSquare}, so this check validates that class:
 * <ul>
 *   <li>against the reference table {@code twostage/reference/weighted-chisq.tsv}: high-precision independent values
 *       (exact residue sums for even dofs, 40-digit Imhof integrals otherwise) to 6 significant digits (relative
 *       tolerance 5e-7 on the smaller tail), and Davies' (1980) published test values within the accuracy 1e-4
 *       they were computed to (CONTROL);</li>
 *   <li>the contour integral against an independent algorithm, the chi-square mixture series (absolute 1e-13);</li>
 *   <li>the contour integral against exact chi-square tails (one weight, k = 1, 2, 3, 5, 20) down to 1e-279,
 *       relative tolerance 1e-11 (CONTROL);</li>
 *   <li>its sampler against its cdf by a one-sample Kolmogorov-Smirnov test (CONTROL, p &gt;= FalseAlarm.ALPHA,
 *       false-alarm rate 5e-6);</li>
 *   <li>negative controls: the same table comparison on a law with the factor 1/2 of Imhof's phase dropped
 *       (equivalently every k_l doubled) and on a law with one weight off by 1%; the series comparison with the
 *       contour's first weight off by 1e-6; the tail comparison against chi-square tails with one degree of freedom
 *       too many. Each must fail.</li>
 * </ul>
 * The deterministic comparisons cannot raise false alarms; the KS test has false-alarm rate 5e-6.
 */
public final class WeightedChiSquareReferenceCheck implements Check {

    /** Relative tolerance of the 6-significant-digit comparison. */
    static final double SIX_DIGITS = 5e-7;

    @Override public String claimId() { return "Theorem 5.1"; }
    @Override public String name() { return "exact limit CDF (Imhof) against published tables and sampling"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "The limit law of n(R - sigma^2) in Theorem 5.1 is sigma^2 d_act + alpha^-1 Q with "
                + "Q = sum_l omega_l chi2_1; its CDF P(Q <= x) = 1/2 - (1/pi) int_0^inf sin(theta(u))/(u rho(u)) du "
                + "(Imhof 1961) is computed to 6 significant digits or better, and the sampler draws from it.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        List<ReferenceTable.Row> rows = ReferenceTable.load();

        double[] exact = tableErrors(rows, ReferenceTable.Row::law);
        res.add(Evidence.atMost("max relative error vs high-precision reference values (smaller tail)",
                Role.CONTROL, exact[0], SIX_DIGITS, (int) exact[2] + " rows: exact residue sums (even dofs) and "
                        + "40-digit Imhof integrals, incl. noncentral cases"));
        res.add(Evidence.atMost("max |cdf - published| / published accuracy, Davies (1980) test values",
                Role.CONTROL, exact[1], 1.0, (int) exact[3] + " rows, values printed to 6 decimals and computed "
                        + "with acc = 1e-4"));
        res.add(Evidence.info("max |cdf - published| vs Davies (1980) test values", exact[4],
                "the published values are themselves off by up to ~2e-5 from exact closed forms"));

        double tail = chiSquareTailError(0);
        res.add(Evidence.atMost("max relative error of the contour survival vs exact chi-square tails (down to 1e-279)",
                Role.CONTROL, tail, 1e-11, "one weight 0.7, k in {1,2,3,5,20}, x from 1e-3 to 900"));
        res.add(Evidence.plantedErrorCaught("reference tail with one degree of freedom too many",
                Evidence.atMost("max relative error of the contour survival vs the planted tails", Role.CONTROL,
                        chiSquareTailError(1), 1e-11, "")));

        res.add(Evidence.atMost("max |mixture-series cdf - (1 - contour survival)| (two independent algorithms)",
                Role.CONTROL, seriesVsContour(1.0), 1e-13, "3 central laws and a noncentral one, x from 1e-4 to 30 where the series converges"));
        res.add(Evidence.plantedErrorCaught("first weight 1e-6 too large in the contour integral only",
                Evidence.atMost("max |mixture-series cdf - (1 - planted contour survival)|", Role.CONTROL,
                        seriesVsContour(1 + 1e-6), 1e-13, "")));

        int n = ctx.scale().pick(10_000, 200_000);
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {6, 3, 1, 0.5, 0.25}, new int[] {1, 1, 1, 2, 3},
                new double[] {0, 0, 0, 1.5, 0});
        KolmogorovSmirnov ks = KolmogorovSmirnov.oneSample(q.sample(n, ctx.rng(name(), 0)), q::cdf);
        res.add(Evidence.notRejected("KS of the sampler against the cdf", Role.CONTROL, ks.statistic(), ks.pValue(),
                FalseAlarm.ALPHA, "n = " + n + ", " + q));

        double[] half = tableErrors(rows, r -> {
            int[] doubled = r.dofs().clone();
            for (int l = 0; l < doubled.length; l++) {
                doubled[l] *= 2;
            }
            return WeightedChiSquare.of(r.weights(), doubled, r.noncentralities());
        });
        res.add(Evidence.plantedErrorCaught("factor 1/2 dropped from Imhof's theta and rho (k_l -> 2 k_l)",
                Evidence.atMost("max relative error vs high-precision reference values", Role.CONTROL, half[0],
                        SIX_DIGITS, "")));
        double[] wrong = tableErrors(rows, r -> {
            double[] w = r.weights().clone();
            w[0] *= 1.01;
            return WeightedChiSquare.of(w, r.dofs(), r.noncentralities());
        });
        res.add(Evidence.plantedErrorCaught("first weight 1% too large",
                Evidence.atMost("max relative error vs high-precision reference values", Role.CONTROL, wrong[0],
                        SIX_DIGITS, "")));
        return res.build();
    }

    /**
     * {max relative error over high-precision rows, max error in tolerances over published rows, number of
     * high-precision rows, number of published rows, max absolute cdf error over published rows}.
     */
    static double[] tableErrors(List<ReferenceTable.Row> rows, Function<ReferenceTable.Row, WeightedChiSquare> law) {
        double rel = 0;
        double pub = 0;
        double pubAbs = 0;
        int nRel = 0;
        int nPub = 0;
        for (ReferenceTable.Row r : rows) {
            WeightedChiSquare q = law.apply(r);
            double c = q.cdf(r.x());
            double s = q.survival(r.x());
            if (Double.isNaN(r.survival())) {
                pub = Math.max(pub, r.errorInTolerances(c, s));
                pubAbs = Math.max(pubAbs, Math.abs(c - r.cdf()));
                nPub++;
            } else {
                double e = r.relativeError(c, s);
                rel = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(rel, e);
                nRel++;
            }
        }
        return new double[] {rel, pub, nRel, nPub, pubAbs};
    }

    /**
     * Max |series - (1 - contour survival)| over a few laws and a grid of x; the contour's first weight is multiplied
     * by {@code contourFactor} (1 for the comparison, another value for its planted error).
     */
    static double seriesVsContour(double contourFactor) {
        double[][] ws = {{6, 3, 1}, {1, 0.5, 0.25, 0.125}, {2, 1.9, 0.01}, {6, 3, 1}};
        int[][] ks = {{1, 1, 1}, {1, 2, 1, 3}, {1, 1, 1}, {1, 2, 1}};
        double[][] nc = {{0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0}, {2, 0, 0.7}};
        double worst = 0;
        for (int t = 0; t < ws.length; t++) {
            ChiSquareMixtureSeries series = new ChiSquareMixtureSeries(ws[t], ks[t], nc[t]);
            double[] wc = ws[t].clone();
            wc[0] *= contourFactor;
            ContourInversion contour = new ContourInversion(wc, ks[t], nc[t]);
            for (double x = 1e-4; x < 30; x *= 2) {
                double s = series.cdf(x, 500);
                if (!Double.isNaN(s)) {
                    worst = Math.max(worst, Math.abs(s - (1 - contour.survival(x))));
                }
            }
        }
        return worst;
    }

    /**
     * Max relative error of the contour integral against exact chi-square survival, one weight; the reference has
     * {@code extraDof} more degrees of freedom (0 for the comparison, 1 for its planted error).
     */
    static double chiSquareTailError(int extraDof) {
        double w = 0.7;
        double worst = 0;
        for (int k : new int[] {1, 2, 3, 5, 20}) {
            ContourInversion ci = new ContourInversion(new double[] {w}, new int[] {k}, new double[1]);
            ChiSquaredDistribution exact = ChiSquaredDistribution.of(k + extraDof);
            for (double x : new double[] {1e-3, 0.1, 0.5, 1, 2, 5, 10, 30, 100, 300, 600, 900}) {
                double ref = exact.survivalProbability(x / w);
                worst = Math.max(worst, Math.abs(ci.survival(x) - ref) / ref);
            }
        }
        return worst;
    }
}
