package twostage.testing;

import java.util.function.Consumer;
import java.util.function.Function;
import twostage.check.Seeds;
import twostage.random.Rng;

/**
 * A property test over seeded generators, on plain JUnit Jupiter. Try t of property {@code name} draws its instance
 * from {@code Rng.of(Seeds.of(name, root, t))}, where root is {@code -Dtwostage.seed} (default 0, or
 * {@code random} for fresh seeds). The number of tries is {@code -Dtwostage.tries} (default 25).
 *
 * <p>On failure the message gives the name, try, seed and the instance, and the command that reruns exactly that
 * case: {@code -Dtwostage.replay=<seed>} runs only the instance with that seed.
 */
public final class Property {

    private Property() {
    }

    public static int tries() {
        return Integer.parseInt(System.getProperty("twostage.tries", "25").trim());
    }

    static long root() {
        return Seeds.rootFromSystemProperties();
    }

    /**
     * Checks {@code property} on {@link #tries()} instances drawn by {@code generator}. The property signals failure
     * by throwing (an assertion error or an exception).
     */
    public static <T> void forAll(String name, Function<Rng, T> generator, Consumer<T> property) {
        String replay = System.getProperty("twostage.replay", "");
        if (replay != null && !replay.isBlank()) {
            long seed = Long.parseLong(replay.trim());
            runOne(name, -1, seed, generator, property);
            return;
        }
        long root = root();
        int n = tries();
        for (int t = 0; t < n; t++) {
            runOne(name, t, Seeds.of(name, root, t), generator, property);
        }
    }

    private static <T> void runOne(String name, int t, long seed, Function<Rng, T> generator, Consumer<T> property) {
        T instance = null;
        try {
            instance = generator.apply(Rng.of(seed));
            property.accept(instance);
        } catch (Throwable e) {
            throw new AssertionError("property '" + name + "' failed on try " + t + " with seed " + seed
                    + "\n  instance: " + describe(instance)
                    + "\n  rerun exactly this case: mvn -pl <module> -am verify -Dtest=<TestClass> -Dsurefire.failIfNoSpecifiedTests=false -Dtwostage.replay=" + seed
                    + "\n  cause: " + e, e);
        }
    }

    static String describe(Object o) {
        if (o == null) {
            return "(generator failed)";
        }
        String s = o.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
    }
}
