package twostage.check;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import twostage.random.Rng;

/**
 * What a check is given to run: the scale, the root seed, a parallelism level and a progress sink.
 * Random streams come only from {@link #rng(String, long)}, so each replication has its own seed derived from
 * (claim id, replication) and results are identical for any number of threads.
 */
public final class CheckContext {

    /** Receives progress reports of long checks (done out of total). */
    public interface Progress {
        void report(String claimId, long done, long total);

        Progress NONE = (c, d, t) -> { };
    }

    private final Scale scale;
    private final long rootSeed;
    private final int threads;
    private final Progress progress;

    private CheckContext(Scale scale, long rootSeed, int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.scale = scale;
        this.rootSeed = rootSeed;
        this.threads = threads;
        this.progress = progress;
    }

    public static CheckContext of(Scale scale, long rootSeed, int threads, Progress progress) {
        return new CheckContext(scale, rootSeed, threads, progress);
    }

    /** CI scale, default seeds, one thread: for unit tests. */
    public static CheckContext defaults() {
        return new CheckContext(Scale.CI, 0L, 1, Progress.NONE);
    }

    /**
     * Reads {@code twostage.scale}, {@code twostage.seed} (empty: 0, the fixed default) and {@code twostage.threads}
     * from system properties. {@code twostage.seed=random} draws a fresh root seed and prints it.
     */
    public static CheckContext fromSystemProperties() {
        Scale scale = Scale.parse(System.getProperty("twostage.scale", "ci"));
        long root = Seeds.rootFromSystemProperties();
        int threads = Integer.parseInt(System.getProperty("twostage.threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())).trim());
        return new CheckContext(scale, root, threads, Progress.NONE);
    }

    public Scale scale() { return scale; }
    public long rootSeed() { return rootSeed; }
    public int threads() { return threads; }
    public Progress progress() { return progress; }

    /** The seed of replication {@code rep} of stream {@code stream}. */
    public long seed(String stream, long rep) {
        return Seeds.of(stream, rootSeed, rep);
    }

    /** A fresh random stream for replication {@code rep} of stream {@code stream}. */
    public Rng rng(String stream, long rep) {
        return Rng.of(seed(stream, rep));
    }

    /**
     * Runs {@code count} replications in parallel on {@link #threads()} threads; replication r gets
     * {@code rng(stream, r)}. The returned list is in replication order, so it does not depend on scheduling.
     */
    public <T> List<T> replicate(String stream, int count, ReplicationBody<T> body) {
        IntFunction<T> one = r -> runOne(stream, r, body);
        if (threads == 1 || count < 2) {
            java.util.ArrayList<T> out = new java.util.ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                out.add(one.apply(r));
                if (reportsAfter(r + 1, count)) {
                    progress.report(stream, r + 1, count);
                }
            }
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            return pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(r -> {
                T t = one.apply(r);
                long d = done.incrementAndGet();
                if (reportsAfter(d, count)) {
                    progress.report(stream, d, count);
                }
                return t;
            }).toList()).join();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Progress is reported after every replication of a short stream (its replications are then usually expensive,
     * e.g. chunks of a million draws) and after every 64th of a long one; the listener throttles what it prints.
     */
    private static boolean reportsAfter(long done, int count) {
        return count <= 4096 || (done & 63) == 0;
    }

    /**
     * Runs replication {@code r}; an exception is re-thrown carrying the stream, the replication and its seed (an
     * {@link AssumptionViolation} stays one, so the check is NOT_CHECKABLE, not FAIL). Nothing is swallowed.
     */
    private <T> T runOne(String stream, int r, ReplicationBody<T> body) {
        long seed = seed(stream, r);
        try {
            return body.run(r, Rng.of(seed));
        } catch (AssumptionViolation v) {
            throw v.at("replication " + r + " of stream '" + stream + "', seed " + seed);
        } catch (ReplicationFailure f) {
            throw f;
        } catch (RuntimeException | AssertionError e) {
            throw new ReplicationFailure(stream, r, seed, e);
        }
    }

    /** One replication: index and its own random stream. */
    @FunctionalInterface
    public interface ReplicationBody<T> {
        T run(int replication, Rng rng);
    }
}
