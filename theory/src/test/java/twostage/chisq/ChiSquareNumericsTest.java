package twostage.chisq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import twostage.random.Rng;

/**
 * The building blocks of the weighted chi-square law, each against an exact value: the adaptive Gauss-Legendre
 * panels, the lower-tail mixture series, the reference-table error measure, and the paths of
 * {@link WeightedChiSquare} that reduce to one scaled chi-square.
 */
class ChiSquareNumericsTest {

    // ---- Gauss-Legendre panels -------------------------------------------------------------------------------

    @Test
    void panelsIntegrateSmoothFunctionsOnShiftedIntervals() {
        assertEquals(Math.exp(3) - Math.exp(1), GaussLegendrePanels.integrate(Math::exp, 1, 3, 1e-14), 1e-12);
        assertEquals(Math.cos(2) - Math.cos(5), GaussLegendrePanels.integrate(Math::sin, 2, 5, 1e-14), 1e-13);
        // a 12-point rule is exact for degree 23 on any interval, including one not starting at 0
        double poly = GaussLegendrePanels.rule(x -> Math.pow(x, 23), 1, 2);
        assertEquals((Math.pow(2, 24) - 1) / 24, poly, 1e-8 * poly);
    }

    @Test
    void panelsRefineWhereOneRuleIsNotEnough() {
        // a narrow Lorentzian peak: one 12-point rule is far off, the adaptive panels reach the tolerance
        double eps = 1e-2;
        DoubleUnaryOperator f = x -> 1 / (eps * eps + (x - 3) * (x - 3));
        double exact = (Math.atan(7 / eps) + Math.atan(3 / eps)) / eps;
        double single = GaussLegendrePanels.rule(f, 0, 10);
        assertTrue(Math.abs(single - exact) > 1e-2 * exact, "one rule is not enough: " + single + " vs " + exact);
        double tol = 1e-9;
        double adaptive = GaussLegendrePanels.integrate(f, 0, 10, tol);
        assertTrue(Math.abs(adaptive - exact) <= 100 * tol, "adaptive " + adaptive + " vs " + exact);
    }

    // ---- chi-square mixture series (lower tail) -----------------------------------------------------------

    /** P(w1 chi2_2 + w2 chi2_2 <= x), w1 != w2: the convolution of two exponentials, written without cancellation. */
    private static double twoExponentialsCdf(double w1, double w2, double x) {
        double l1 = 0.5 / w1;
        double l2 = 0.5 / w2;
        return (l2 * -Math.expm1(-l1 * x) - l1 * -Math.expm1(-l2 * x)) / (l2 - l1);
    }

    @Test
    void mixtureSeriesHasRelativeAccuracyInTheLowerTailWhenManyTermsAreNeeded() {
        // min w / max w = 0.05: the series terms decay like 0.95^j, so stopping early shows
        double[] w = {1, 0.05};
        ChiSquareMixtureSeries series = new ChiSquareMixtureSeries(w, new int[] {2, 2}, new double[2]);
        for (double x : new double[] {0.01, 0.1, 0.5, 1, 2}) {
            double exact = twoExponentialsCdf(w[0], w[1], x);
            double s = series.cdf(x, 500);
            assertTrue(Math.abs(s - exact) <= 1e-12 * exact, "x=" + x + ": series " + s + " vs exact " + exact);
        }
    }

    @Test
    void mixtureSeriesGivesUpWhenTheTermBudgetIsTooSmall() {
        double[] w = {1, 0.01};
        ChiSquareMixtureSeries series = new ChiSquareMixtureSeries(w, new int[] {1, 1}, new double[2]);
        assertTrue(Double.isNaN(series.cdf(50, 10)), "x / min w = 5000 needs far more than 10 terms");
        double ok = series.cdf(0.02, 500);
        assertTrue(ok > 0 && ok < 1, "a reachable lower-tail value: " + ok);
    }

    @Test
    void mixtureSeriesWithNoncentralityMatchesTheContourIntegral() {
        double[] w = {1, 0.3, 0.1};
        int[] k = {1, 2, 3};
        double[] nc = {1.5, 0, 0.4};
        ChiSquareMixtureSeries series = new ChiSquareMixtureSeries(w, k, nc);
        ContourInversion contour = new ContourInversion(w, k, nc);
        for (double x : new double[] {0.05, 0.2, 0.6}) {
            double c = 1 - contour.survival(x);
            assertEquals(c, series.cdf(x, 500), 1e-13, "x=" + x);
        }
    }

    // ---- reference-table error measure ------------------------------------------------------------------------

    @Test
    void errorInTolerancesIsTheWorstErrorInUnitsOfEachTolerance() {
        double[] w = {1};
        int[] k = {1};
        double[] nc = {0};
        ReferenceTable.Row rel = new ReferenceTable.Row("t", w, k, nc, 1, 0.9, 0.1, 1e-6, Double.NaN);
        // survival off by 0.5e-7 = half of its relative tolerance 1e-7; cdf off by 0.9e-7 = one tolerance
        assertEquals(0.5, rel.errorInTolerances(0.9, 0.1 + 0.5e-7), 1e-9);
        assertEquals(1.0, rel.errorInTolerances(0.9 + 0.9e-6, 0.1), 1e-9);
        assertEquals(3.0, rel.errorInTolerances(0.9, 0.1 - 3e-7), 1e-9);
        ReferenceTable.Row abs = new ReferenceTable.Row("t", w, k, nc, 1, 0.25, Double.NaN, Double.NaN, 1e-4);
        assertEquals(2.0, abs.errorInTolerances(0.2502, Double.NaN), 1e-9);
        ReferenceTable.Row cdfRel = new ReferenceTable.Row("t", w, k, nc, 1, 0.5, Double.NaN, 1e-3, Double.NaN);
        assertEquals(0.4, cdfRel.errorInTolerances(0.5 - 2e-4, 0.3), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, abs.errorInTolerances(Double.NaN, 0.5));
        assertEquals(Math.max(1e-3 / 0.9, 2e-3 / 0.1), rel.relativeError(0.9 + 1e-3, 0.1 - 2e-3), 1e-12);
        assertTrue(Double.isNaN(abs.relativeError(0.25, 0.75)));
        assertTrue(rel.toString().contains("x=1.0") && rel.toString().startsWith("t "), rel.toString());
    }

    // ---- the single scaled chi-square paths -------------------------------------------------------------------

    @Test
    void equalWeightsUseTheScaledChiSquareForEveryFunction() {
        double w = 1.5;
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {w, w, w});
        ChiSquaredDistribution c3 = ChiSquaredDistribution.of(3);
        for (double x : new double[] {0.1, 1, 4.5, 20}) {
            assertEquals(c3.density(x / w) / w, q.density(x), 1e-15 * (1 + c3.density(x / w)), "density at " + x);
            assertEquals(c3.cumulativeProbability(x / w), q.cdf(x), 1e-15, "cdf at " + x);
        }
        for (double p : new double[] {0.01, 0.3, 0.5}) {
            assertEquals(w * c3.inverseCumulativeProbability(p), q.quantile(p), 1e-12, "quantile " + p);
        }
        assertEquals(0, q.density(-1));
        assertThrowsNamingNaN(() -> q.cdf(Double.NaN));
        assertThrowsNamingNaN(() -> q.density(Double.NaN));
        assertThrowsNamingNaN(() -> WeightedChiSquare.of(new double[] {1, 2}).density(Double.NaN));
    }

    private static void assertThrowsNamingNaN(Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains("NaN"), ex.getMessage());
    }

    @Test
    void equalWeightsWithOneNoncentralTermAreNotTreatedAsACentralChiSquare() {
        // w chi2_1(delta) + w chi2_1 = w chi2_2(delta), whose cdf is the Poisson(delta/2) mixture of central
        // chi-square cdfs P(chi2_{2+2j} <= x/w) (an independent reference)
        WeightedChiSquare split = WeightedChiSquare.of(new double[] {2, 2}, new int[] {1, 1}, new double[] {0, 3});
        WeightedChiSquare joint = WeightedChiSquare.of(new double[] {2}, new int[] {2}, new double[] {3});
        for (double x : new double[] {1, 5, 12, 40}) {
            double exact = 0;
            double poisson = Math.exp(-1.5);
            for (int j = 0; j < 120; j++) {
                exact += poisson * ChiSquaredDistribution.of(2 + 2 * j).cumulativeProbability(x / 2);
                poisson *= 1.5 / (j + 1);
            }
            assertEquals(exact, split.cdf(x), 1e-12, "split cdf at " + x);
            assertEquals(exact, joint.cdf(x), 1e-12, "joint cdf at " + x);
        }
        assertEquals(2 * (2 + 3), split.mean(), 1e-12);
    }

    @Test
    void factoriesValidateBeforeUsingTheArrays() {
        for (Executable e : new Executable[] {
            () -> WeightedChiSquare.of(null, new int[0]),
            () -> WeightedChiSquare.of(new double[0], new int[0]),
            () -> WeightedChiSquare.of(null, new int[0], new double[0])}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
            assertTrue(ex.getMessage().contains("non-empty"), ex.getMessage());
        }
    }

    @Test
    void accessorsReturnTheNonzeroTermsAndCopies() {
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {0, 2, 1}, new int[] {4, 3, 1}, new double[] {9, 0.5, 0});
        assertArrayEquals(new int[] {3, 1}, q.dofs());
        assertArrayEquals(new double[] {0.5, 0}, q.noncentralities(), 0);
        q.dofs()[0] = 99;
        assertEquals(3, q.dofs()[0]);
        assertTrue(q.toString().contains("[2.0, 1.0]"), q.toString());
        assertEquals(0, q.sample(0, Rng.of(1)).length);
    }

    @Test
    void shiftedLawExposesItsPartsAndSamplesAsTheAffineImage() {
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {3, 1});
        ShiftedWeightedChiSquare y = q.shifted(0.5, 0.25);
        assertTrue(y.base() == q);
        assertEquals(0.5, y.shift());
        assertEquals(0.25, y.scale());
        double[] base = q.sample(5, Rng.of(9));
        double[] shifted = y.sample(5, Rng.of(9));
        for (int i = 0; i < 5; i++) {
            assertEquals(0.5 + 0.25 * base[i], shifted[i], 1e-15);
        }
        assertTrue(y.toString().startsWith("0.5 + 0.25 * "), y.toString());
    }

    @Test
    void tableErrorsSeparatesPublishedFromHighPrecisionRows() {
        // Q = chi2_2: P(Q <= 2) = 1 - e^-1 exactly
        double exact = -Math.expm1(-1);
        List<ReferenceTable.Row> rows = List.of(
                new ReferenceTable.Row("published", new double[] {1}, new int[] {2}, new double[1], 2, 0.632,
                        Double.NaN, Double.NaN, 1e-3),
                new ReferenceTable.Row("exact", new double[] {1}, new int[] {2}, new double[1], 2, exact,
                        Math.exp(-1), 1e-10, Double.NaN),
                new ReferenceTable.Row("exact", new double[] {1}, new int[] {2}, new double[1], 4, -Math.expm1(-2),
                        Math.exp(-2), 1e-10, Double.NaN));
        double[] e = WeightedChiSquareReferenceCheck.tableErrors(rows, ReferenceTable.Row::law);
        assertTrue(e[0] <= 1e-14, "high-precision relative error " + e[0]);
        assertEquals((exact - 0.632) / 1e-3, e[1], 1e-9);
        assertEquals(2, e[2]);
        assertEquals(1, e[3]);
        assertEquals(exact - 0.632, e[4], 1e-12);
    }

    @Test
    void referenceCheckIsNamedAndItsComparisonsSeeTheirPlantedErrors() {
        WeightedChiSquareReferenceCheck check = new WeightedChiSquareReferenceCheck();
        assertTrue(check.name().contains("Imhof") && check.statement().contains("Imhof"), check.name());
        assertTrue(WeightedChiSquareReferenceCheck.chiSquareTailError(0) <= 1e-11);
        assertTrue(WeightedChiSquareReferenceCheck.chiSquareTailError(1) > 1e-11);
        assertTrue(WeightedChiSquareReferenceCheck.seriesVsContour(1.0) <= 1e-13);
        assertTrue(WeightedChiSquareReferenceCheck.seriesVsContour(1 + 1e-6) > 1e-13);
    }
}
