package twostage.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.Rng;

/** The one-element group: every operation returns its element, it acts as the identity, rho(e) = I_p. */
class TrivialGroupTest {

    @Test
    void groupOperationsStayOnTheIdentity() {
        TrivialGroup g = new TrivialGroup(3);
        TrivialGroup.Element e = TrivialGroup.Element.E;
        assertSame(e, g.identity());
        assertSame(e, g.compose(e, e));
        assertSame(e, g.inverse(e));
        assertSame(e, g.random(Rng.of(1)));
        double[] w = {1, -2};
        assertArrayEquals(w, g.act(e, w), 0);
        assertArrayEquals(Mat.identity(3).data, g.rho(e).data, 0);
        assertThrows(IllegalArgumentException.class, () -> new TrivialGroup(0));
    }
}
