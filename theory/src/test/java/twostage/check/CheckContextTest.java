package twostage.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckContextTest {

    private static List<Double> draws(int threads) {
        CheckContext ctx = CheckContext.of(Scale.CI, 0L, threads, CheckContext.Progress.NONE);
        return ctx.replicate("Theorem 5.1", 500, (r, rng) -> {
            double s = 0;
            for (int i = 0; i < 100; i++) {
                s += rng.gaussian();
            }
            return s;
        });
    }

    @Test
    void replicationsDoNotDependOnTheThreadCount() {
        assertEquals(draws(1), draws(2));
        assertEquals(draws(1), draws(4));
    }

    @Test
    void seedsDependOnClaimReplicationAndRoot() {
        assertNotEquals(Seeds.of("Lemma C.4", 0, 0), Seeds.of("Lemma C.4", 0, 1));
        assertNotEquals(Seeds.of("Lemma C.4", 0, 0), Seeds.of("Lemma C.5", 0, 0));
        assertNotEquals(Seeds.of("Lemma C.4", 0, 0), Seeds.of("Lemma C.4", 1, 0));
        assertEquals(Seeds.of("Lemma C.4", 7, 3), Seeds.of("Lemma C.4", 7, 3));
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> CheckContext.of(Scale.CI, 0, 0, CheckContext.Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> Scale.parse("huge"));
    }
}
