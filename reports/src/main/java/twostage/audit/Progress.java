package twostage.audit;

import java.util.Locale;
import twostage.check.Check;
import twostage.check.CheckContext;

/**
 * Prints one line per check and replication progress with an ETA. The ETA of the whole audit is the expected time of
 * the checks still to run ({@link ExpectedDurations}), scaled by how fast this machine has been so far relative to
 * those expectations (computed checks only; cached ones cost nothing).
 */
final class Progress implements CheckContext.Progress {

    private final int total;
    private final long started = System.nanoTime();
    private final double[] expected;
    private double expectedRemaining;
    private double expectedDone;
    private double actualDone;
    private int finished;
    private long lastPrint;
    private long checkStarted;
    /** Per stream: time and replications done at its first report. */
    private final java.util.Map<String, long[]> streamStarted = new java.util.HashMap<>();

    Progress(java.util.List<Check> checks, twostage.check.Scale scale, ExpectedDurations durations) {
        this.total = checks.size();
        this.expected = checks.stream().mapToDouble(c -> durations.of(scale, c)).toArray();
        this.expectedRemaining = java.util.Arrays.stream(expected).sum();
    }

    void start(Check c) {
        checkStarted = System.nanoTime();
        synchronized (this) {
            streamStarted.clear();
        }
    }

    void done(Check c, String status, long ms, boolean cached) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        expectedRemaining -= expected[finished];
        if (!cached) {
            expectedDone += expected[finished];
            actualDone += ms / 1000.0;
        }
        finished++;
        double speed = expectedDone > 0 ? actualDone / expectedDone : 1.0;
        double eta = Math.max(0, expectedRemaining) * speed;
        System.out.printf(Locale.ROOT, "[audit] %3d/%d %-13s %-18s %s%s (%.1fs)  elapsed %s, ETA %s%n", finished, total,
                status, c.claimId(), c.name(), cached ? " [cached]" : "", ms / 1000.0, hms(elapsed), hms(eta));
    }

    @Override
    public synchronized void report(String stream, long done, long of) {
        long now = System.nanoTime();
        // the rate is measured from the first report of this stream (a check runs several streams in turn)
        long[] first = streamStarted.computeIfAbsent(stream, k -> new long[] {now, done});
        if (now - lastPrint < 5_000_000_000L || done <= first[1]) {
            return;
        }
        lastPrint = now;
        double el = (now - first[0]) / 1e9;
        double eta = el / (done - first[1]) * (of - done);
        System.out.printf(Locale.ROOT, "[audit]        %s: replication %d/%d, ETA of this stream %s, check running %s%n",
                stream, done, of, hms(eta), hms((now - checkStarted) / 1e9));
    }

    static String hms(double s) {
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    }
}
