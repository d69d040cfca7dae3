package twostage.ls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The running extreme of residual / tolerance that the checks of this package report. */
class WorstTest {

    @Test
    void maxKeepsTheLargestRatioAndWhereItOccurred() {
        Worst w = Worst.max();
        w.record(1, 10, "a");
        w.record(3, 2, "b");
        w.record(1, 1, "c");
        w.record(1.5, 1, "tie");
        assertEquals(1.5, w.ratio(), 0.0);
        assertEquals(4, w.count());
        assertTrue(w.note().startsWith("4 instances; extreme at b "), w.note());
        // the first record counts even when its ratio is 0; NaN residuals count as infinitely bad
        Worst first = Worst.max();
        first.record(0, 1, "zero");
        assertTrue(first.note().contains("at zero (tol 1.000e+00)"), first.note());
        first.record(Double.NaN, 1, "nan");
        assertEquals(Double.POSITIVE_INFINITY, first.ratio(), 0.0);
    }

    @Test
    void nothingRecordedIsNotASuccess() {
        assertTrue(Double.isNaN(Worst.max().ratio()), "an identity checked on no instance must not pass");
        assertTrue(Double.isNaN(Worst.min().ratio()));
        assertEquals(0, Worst.max().count());
    }

    @Test
    void minKeepsTheSmallestRatio() {
        Worst w = Worst.min();
        w.record(5, 1, "a");
        w.record(2, 1, "b");
        w.record(2, 1, "tie");
        w.record(9, 1, "c");
        assertEquals(2, w.ratio(), 0.0);
        assertTrue(w.note().contains("at b "), w.note());
        w.record(Double.NaN, 1, "nan");
        assertEquals(2, w.ratio(), 0.0, "a NaN never looks like a caught planted error");
    }
}
