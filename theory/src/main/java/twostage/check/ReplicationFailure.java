package twostage.check;

/**
 * An exception thrown inside one replication of a Monte Carlo stream, re-thrown with the stream name, the replication
 * index and its seed, so the report shows exactly which draw failed and a rerun of that draw needs nothing else:
 * {@code Rng.of(seed)} reproduces it. The original exception is the cause.
 */
public final class ReplicationFailure extends RuntimeException {

    private final String stream;
    private final int replication;
    private final long seed;

    ReplicationFailure(String stream, int replication, long seed, Throwable cause) {
        super("replication " + replication + " of stream '" + stream + "' (seed " + seed + ") threw " + cause, cause);
        this.stream = stream;
        this.replication = replication;
        this.seed = seed;
    }

    public String stream() {
        return stream;
    }

    public int replication() {
        return replication;
    }

    public long seed() {
        return seed;
    }
}
