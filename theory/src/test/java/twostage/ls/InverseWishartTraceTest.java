package twostage.ls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The closed form E tr(Sigma Sigma_n^-1) = n p / (n - p - 1) at the edges of its domain p >= 1, n >= p + 2. */
class InverseWishartTraceTest {

    @Test
    void meanAtTheEdgesOfItsDomain() {
        assertEquals(3.0, InverseWishartTrace.mean(3, 1), 0.0, "p = 1, n = p + 2");
        assertEquals(8.0, InverseWishartTrace.mean(4, 2), 0.0, "n = p + 2");
        assertEquals(100.0 * 10 / 89, InverseWishartTrace.mean(100, 10), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> InverseWishartTrace.mean(3, 2), "n = p + 1: infinite");
        assertThrows(IllegalArgumentException.class, () -> InverseWishartTrace.mean(5, 0), "p = 0");
    }
}
