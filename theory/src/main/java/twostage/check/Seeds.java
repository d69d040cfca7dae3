package twostage.check;

import java.nio.charset.StandardCharsets;

/**
 * Seeds derived from (claim id, replication) and an optional root seed, so a result depends on neither the
 * thread count nor the order in which checks run. The derivation is a 64-bit FNV-1a hash of the UTF-8 claim id
 * followed by SplitMix64 finalisation of (hash, root, replication).
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of replication {@code rep} of the stream named {@code stream} (a claim id, maybe with a suffix). */
    public static long of(String stream, long root, long rep) {
        long h = 0xcbf29ce484222325L;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(mix(h ^ mix(root)) + rep * 0x9E3779B97F4A7C15L);
    }

    /**
     * The root seed chosen by {@code -Dtwostage.seed}: empty means 0 (the fixed default derivation), a number is used
     * as is, and {@code random} draws one fresh root per JVM and prints it so the run can be repeated.
     */
    public static long rootFromSystemProperties() {
        String s = System.getProperty("twostage.seed", "");
        if (s == null || s.isBlank()) {
            return 0L;
        }
        if (s.trim().equals("random")) {
            return FreshRoot.SEED;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("twostage.seed must be empty, a whole number or 'random', got '" + s + "'");
        }
    }

    private static final class FreshRoot {
        static final long SEED = mix(System.nanoTime() ^ System.identityHashCode(FreshRoot.class));

        static {
            System.out.println("[twostage] fresh root seed for this run: -Dtwostage.seed=" + SEED);
        }
    }

    /** SplitMix64 finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
