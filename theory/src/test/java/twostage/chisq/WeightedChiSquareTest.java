package twostage.chisq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import twostage.check.FalseAlarm;
import twostage.random.Rng;
import twostage.stats.KolmogorovSmirnov;
import twostage.stats.MonteCarlo;

class WeightedChiSquareTest {

    private static final WeightedChiSquare DAVIES = WeightedChiSquare.of(new double[] {6, 3, 1});

    @Test
    void agreesWithTheReferenceTable() {
        List<ReferenceTable.Row> rows = ReferenceTable.load();
        assertTrue(rows.size() >= 40, "reference table has " + rows.size() + " rows");
        for (ReferenceTable.Row r : rows) {
            WeightedChiSquare q = r.law();
            double c = q.cdf(r.x());
            double s = q.survival(r.x());
            assertTrue(r.errorInTolerances(c, s) <= 1, r + ": cdf " + c + " vs " + r.cdf() + ", survival " + s
                    + " vs " + r.survival());
            if (!Double.isNaN(r.survival())) {
                // the high-precision rows are matched far beyond 6 digits
                assertTrue(r.relativeError(c, s) <= 1e-10, r + ": relative error " + r.relativeError(c, s));
            }
        }
    }

    @Test
    void theReferenceCheckCatchesItsPlantedErrors() {
        List<ReferenceTable.Row> rows = ReferenceTable.load();
        assertTrue(WeightedChiSquareReferenceCheck.tableErrors(rows, ReferenceTable.Row::law)[0]
                <= WeightedChiSquareReferenceCheck.SIX_DIGITS);
        double[] shifted = WeightedChiSquareReferenceCheck.tableErrors(rows, r -> {
            double[] w = r.weights().clone();
            w[0] *= 1 + 1e-4;
            return WeightedChiSquare.of(w, r.dofs(), r.noncentralities());
        });
        assertTrue(shifted[0] > WeightedChiSquareReferenceCheck.SIX_DIGITS, "a 1e-4 change of a weight is seen");
    }

    @Test
    void singleWeightIsAScaledChiSquareIncludingTheContourIntegralFarInTheTail() {
        for (int k : new int[] {1, 2, 3, 4, 7, 30}) {
            double w = 2.5;
            ChiSquaredDistribution exact = ChiSquaredDistribution.of(k);
            WeightedChiSquare q = WeightedChiSquare.of(new double[] {w}, new int[] {k});
            ContourInversion ci = new ContourInversion(new double[] {w}, new int[] {k}, new double[1]);
            for (double x = 0.01; x < 2000; x *= 1.7) {
                double s = exact.survivalProbability(x / w);
                if (s < 1e-300) {
                    break;
                }
                assertEquals(s, q.survival(x), 1e-15 * s);
                assertEquals(exact.cumulativeProbability(x / w), q.cdf(x), 1e-16);
                // the general algorithm, with relative accuracy however small the tail (checked to 1e-300)
                assertEquals(s, ci.survival(x), 1e-12 * s, "k=" + k + " x=" + x);
                // the density has relative accuracy in the upper tail, absolute accuracy 1e-16 in the lower tail
                assertEquals(exact.density(x / w) / w, ci.density(x), 1e-11 * exact.density(x / w) / w + 1e-16,
                        "density k=" + k + " x=" + x);
            }
        }
    }

    @Test
    void twoEqualWeightsGiveAnExponentialAndEqualWeightsAScaledChiSquare() {
        ContourInversion ci = new ContourInversion(new double[] {1.5, 1.5}, new int[] {1, 1}, new double[2]);
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {1.5, 1.5});
        for (double x : new double[] {0.01, 1, 10, 100, 1000}) {
            double exact = Math.exp(-x / 3);
            assertEquals(exact, ci.survival(x), 1e-13 * exact, "x=" + x);
            assertEquals(exact, q.survival(x), 1e-14 * exact, "x=" + x);
        }
        double[] five = {0.4, 0.4, 0.4, 0.4, 0.4};
        ContourInversion ci5 = new ContourInversion(five, new int[] {1, 1, 1, 1, 1}, new double[5]);
        ChiSquaredDistribution chi5 = ChiSquaredDistribution.of(5);
        for (double x = 0.05; x < 100; x *= 2) {
            double s = chi5.survivalProbability(x / 0.4);
            assertEquals(s, ci5.survival(x), 1e-13 * s);
            assertEquals(s, WeightedChiSquare.of(five).survival(x), 1e-15 * s);
        }
    }

    @Test
    void evenDofsWithDistinctWeightsMatchTheExactSumOfExponentials() {
        // w chi2_2 = exponential with mean 2w; P(sum > x) = sum_l prod_{j != l} m_l / (m_l - m_j) exp(-x / m_l)
        double[] w = {6, 3, 1, 0.2};
        WeightedChiSquare q = WeightedChiSquare.of(w, new int[] {2, 2, 2, 2});
        for (double x = 0.5; x < 800; x *= 1.5) {
            double s = 0;
            for (int l = 0; l < w.length; l++) {
                double c = 1;
                for (int j = 0; j < w.length; j++) {
                    if (j != l) {
                        c *= w[l] / (w[l] - w[j]);
                    }
                }
                s += c * Math.exp(-x / (2 * w[l]));
            }
            assertEquals(s, q.survival(x), 1e-12 * s, "x=" + x);
        }
    }

    @Test
    void singleLogarithmProductFormAgreesWithPerFactorLogarithms() {
        Rng rng = Rng.of(21);
        for (int t = 0; t < 40; t++) {
            int n = rng.nextInt(1, 30);
            double[] w = new double[n];
            int[] k = new int[n];
            double[] nc = new double[n];
            double mean = 0;
            for (int l = 0; l < n; l++) {
                w[l] = Math.exp(3 * rng.gaussian());
                k[l] = rng.nextInt(0, 3) == 0 ? rng.nextInt(9, 40) : rng.nextInt(1, 3);
                nc[l] = rng.nextInt(0, 1) == 0 ? 0 : 3 * rng.nextDouble();
                mean += w[l] * (k[l] + nc[l]);
            }
            ContourInversion fast = new ContourInversion(w, k, nc, true);
            ContourInversion slow = new ContourInversion(w, k, nc, false);
            for (double f : new double[] {0.05, 0.5, 1, 2, 5, 20}) {
                double s = slow.survival(f * mean);
                assertEquals(s, fast.survival(f * mean), 1e-13 * s + 1e-300, "trial " + t + " x/mean=" + f);
            }
        }
    }

    @Test
    void mixtureSeriesAndContourIntegralAgree() {
        assertTrue(WeightedChiSquareReferenceCheck.seriesVsContour(1.0) <= 1e-14);
    }

    @Test
    void lowerTailHasRelativeAccuracy() {
        // as x -> 0, P(Q <= x) = x^{K/2} / (Gamma(K/2 + 1) prod_l (2 w_l)^{k_l/2}) (1 + O(x)); here K = 3,
        // Gamma(5/2) = 0.75 sqrt(pi) and prod (2 w_l)^{1/2} = sqrt(12 * 6 * 2) = 12
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {6, 3, 1});
        for (double x : new double[] {1e-10, 1e-8, 1e-6}) {
            double lead = Math.pow(x, 1.5) / (0.75 * Math.sqrt(Math.PI) * 12);
            double c = q.cdf(x);
            assertEquals(1, c / lead, 1e-5 + 10 * x, "x=" + x + " cdf " + c + " leading term " + lead);
        }
        assertEquals(1e-12, q.cdf(q.quantile(1e-12)), 1e-22);
        // noncentral: the leading term carries the factor exp(-sum delta_l / 2)
        WeightedChiSquare nc = WeightedChiSquare.of(new double[] {6, 3, 1}, new int[] {1, 1, 1},
                new double[] {2, 0, 0.7});
        for (double x : new double[] {1e-10, 1e-8}) {
            double lead = Math.exp(-1.35) * Math.pow(x, 1.5) / (0.75 * Math.sqrt(Math.PI) * 12);
            assertEquals(1, nc.cdf(x) / lead, 1e-4, "noncentral x=" + x);
        }
    }

    @Test
    void resultsDoNotDependOnTheScaleOfTheWeights() {
        double[] w = {6, 3, 1, 0.2};
        WeightedChiSquare q = WeightedChiSquare.of(w, new int[] {1, 2, 1, 3}, new double[] {0, 1, 0, 0});
        for (double c : new double[] {1e-200, 1e-9, 1e7, 1e200}) {
            double[] cw = new double[w.length];
            for (int l = 0; l < w.length; l++) {
                cw[l] = c * w[l];
            }
            WeightedChiSquare scaled = WeightedChiSquare.of(cw, new int[] {1, 2, 1, 3}, new double[] {0, 1, 0, 0});
            for (double x : new double[] {0.01, 1, 10, 30, 300}) {
                assertEquals(q.cdf(x), scaled.cdf(c * x), 1e-14 * q.cdf(x), "c=" + c + " x=" + x);
                assertEquals(q.survival(x), scaled.survival(c * x), 1e-13 * q.survival(x), "c=" + c + " x=" + x);
            }
            assertEquals(c * q.upperQuantile(1e-30), scaled.upperQuantile(1e-30), 1e-12 * c * q.upperQuantile(1e-30));
        }
    }

    @Test
    void cdfIsMonotoneAndComplementsTheSurvival() {
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {3, 1, 0.5, 0.1, 0.01}, new int[] {1, 2, 1, 3, 1},
                new double[] {0, 0.5, 0, 0, 2});
        double prev = 0;
        for (double x = 0.001; x < 200; x *= 1.15) {
            double c = q.cdf(x);
            assertTrue(c >= prev, "monotone at " + x);
            assertEquals(1, c + q.survival(x), 1e-15);
            prev = c;
        }
        assertEquals(0, q.cdf(0));
        assertEquals(0, q.cdf(-1));
        assertEquals(1, q.survival(-1));
        assertEquals(1, q.cdf(Double.POSITIVE_INFINITY));
    }

    @Test
    void densityIsTheDerivativeOfTheCdf() {
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {3, 1, 0.5}, new int[] {1, 2, 1},
                new double[] {0, 0.5, 0});
        for (double x : new double[] {0.3, 1, 3, 8, 20}) {
            double h = 1e-4 * x;
            double fd = (q.cdf(x + h) - q.cdf(x - h)) / (2 * h);
            assertEquals(fd, q.density(x), 1e-7 * Math.max(1, q.density(x)), "x=" + x);
        }
    }

    @Test
    void quantilesInvertTheCdfAndTheSurvival() {
        for (double x : new double[] {0.2, 1, 4, 10, 25, 60}) {
            assertEquals(x, DAVIES.quantile(DAVIES.cdf(x)), 1e-9 * x, "x=" + x);
        }
        for (double x : new double[] {200, 400, 800, 1600}) {
            double s = DAVIES.survival(x);
            assertTrue(s < 1e-6);
            assertEquals(x, DAVIES.upperQuantile(s), 1e-11 * x, "x=" + x + " survival " + s);
        }
        // single weight: upper quantile vs the chi-square inverse survival
        WeightedChiSquare one = WeightedChiSquare.of(new double[] {2});
        assertEquals(2 * ChiSquaredDistribution.of(1).inverseSurvivalProbability(1e-12), one.upperQuantile(1e-12),
                1e-12);
        assertEquals(0, DAVIES.quantile(0));
        assertEquals(Double.POSITIVE_INFINITY, DAVIES.quantile(1));
        assertEquals(Double.POSITIVE_INFINITY, DAVIES.upperQuantile(0));
    }

    @Test
    void meanAndVarianceMatchSampling() {
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {2, 1, 0.3}, new int[] {1, 3, 30},
                new double[] {1, 0, 0.5});
        assertEquals(2 * 2 + 3 + 0.3 * 30.5, q.mean(), 1e-12);
        assertEquals(2 * (4 * 3 + 3 + 0.09 * 31), q.variance(), 1e-12);
        double[] s = q.sample(200_000, Rng.of(11));
        MonteCarlo m = MonteCarlo.of(s);
        assertTrue(Math.abs(m.mean() - q.mean()) <= FalseAlarm.Z * m.standardError(), m + " vs " + q.mean());
        double[] sq = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            sq[i] = (s[i] - q.mean()) * (s[i] - q.mean());
        }
        MonteCarlo v = MonteCarlo.of(sq);
        assertTrue(Math.abs(v.mean() - q.variance()) <= FalseAlarm.Z * v.standardError(), v + " vs " + q.variance());
    }

    @Test
    void samplerPassesKolmogorovSmirnovAgainstTheCdf() {
        for (WeightedChiSquare q : new WeightedChiSquare[] {DAVIES,
            WeightedChiSquare.of(new double[] {1, 0.5, 0.25, 0.125}, new int[] {1, 1, 2, 40}, new double[] {2, 0, 0, 1})}) {
            KolmogorovSmirnov ks = KolmogorovSmirnov.oneSample(q.sample(20_000, Rng.of(5)), q::cdf);
            assertTrue(ks.pValue() >= FalseAlarm.ALPHA, q + ": " + ks);
        }
    }

    @Test
    void zeroWeightsAreDroppedAndAllZeroIsThePointMassAtZero() {
        WeightedChiSquare q = WeightedChiSquare.of(new double[] {0, 6, 0, 3, 1});
        assertEquals(3, q.weights().length);
        assertEquals(DAVIES.cdf(7), q.cdf(7), 0);
        WeightedChiSquare zero = WeightedChiSquare.of(new double[] {0, 0});
        assertTrue(zero.isPointMass());
        assertEquals(0, zero.cdf(-1e-300));
        assertEquals(1, zero.cdf(0));
        assertEquals(0, zero.survival(0));
        assertEquals(0, zero.mean());
        assertEquals(0, zero.quantile(0.5));
        assertEquals(0, zero.sample(Rng.of(1)));
    }

    @Test
    void shiftedLawIsTheAffineImage() {
        ShiftedWeightedChiSquare y = DAVIES.shifted(1.5, 0.25);
        assertEquals(DAVIES.cdf(8), y.cdf(1.5 + 0.25 * 8), 0);
        assertEquals(DAVIES.survival(80), y.survival(1.5 + 0.25 * 80), 0);
        assertEquals(1.5 + 0.25 * DAVIES.mean(), y.mean(), 1e-12);
        assertEquals(0.0625 * DAVIES.variance(), y.variance(), 1e-12);
        assertEquals(1.5 + 0.25 * DAVIES.quantile(0.3), y.quantile(0.3), 1e-12);
        assertEquals(1.5 + 0.25 * DAVIES.upperQuantile(1e-9), y.upperQuantile(1e-9), 1e-12);
        assertEquals(DAVIES.density(8) / 0.25, y.density(1.5 + 0.25 * 8), 1e-15);
        assertEquals(1.5 + 0.25 * DAVIES.sample(Rng.of(3)), y.sample(Rng.of(3)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> DAVIES.shifted(0, 0));
        assertThrows(IllegalArgumentException.class, () -> DAVIES.shifted(0, -1));
        assertThrows(IllegalArgumentException.class, () -> DAVIES.shifted(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> y.cdf(Double.NaN));
    }

    @Test
    void rejectsBadInputNamingTheCondition() {
        assertMessage("non-empty", () -> WeightedChiSquare.of(new double[0]));
        assertMessage("non-empty", () -> WeightedChiSquare.of(null));
        assertMessage(">= 0", () -> WeightedChiSquare.of(new double[] {1, -1}));
        assertMessage("finite", () -> WeightedChiSquare.of(new double[] {Double.NaN}));
        assertMessage("finite", () -> WeightedChiSquare.of(new double[] {Double.POSITIVE_INFINITY}));
        assertMessage("dofs must be >= 1", () -> WeightedChiSquare.of(new double[] {1}, new int[] {0}));
        assertMessage("same length", () -> WeightedChiSquare.of(new double[] {1, 2}, new int[] {1}));
        assertMessage("noncentralities", () -> WeightedChiSquare.of(new double[] {1}, new int[] {1},
                new double[] {-0.5}));
        assertMessage("NaN", () -> DAVIES.cdf(Double.NaN));
        assertMessage("NaN", () -> DAVIES.survival(Double.NaN));
        assertMessage("p must be in [0, 1]", () -> DAVIES.quantile(1.5));
        assertMessage("delta must be in [0, 1]", () -> DAVIES.upperQuantile(-0.1));
        assertMessage("sample size", () -> DAVIES.sample(-1, Rng.of(1)));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' names '" + fragment + "'");
    }

    /** Reports the cost of one cdf evaluation (CPU time of this thread); asserts nothing about time. */
    @Test
    void reportsTiming() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int n : new int[] {3, 10, 50}) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = 1.0 / (i + 1);
            }
            WeightedChiSquare q = WeightedChiSquare.of(w);
            double mean = q.mean();
            double sum = 0;
            for (int i = 0; i < 300; i++) {
                sum += q.cdf(mean * (0.2 + i * 0.01));
            }
            int calls = 2000;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                sum += q.cdf(mean * (0.2 + (i % 400) * 0.01));
            }
            double us = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / calls;
            System.out.printf("WeightedChiSquare timing: %d weights, %.1f us CPU per cdf (checksum %.3f)%n", n, us, sum);
        }
    }
}
