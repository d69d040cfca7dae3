package twostage.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded random stream: a uniform provider (XoRoShiRo128++) with a standard-normal sampler on top.
 * One instance per replication; never shared between threads.
 */
public final class Rng {

    private final UniformRandomProvider uniform;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final long seed;

    private Rng(long seed) {
        this.seed = seed;
        this.uniform = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.gauss = ZigguratSampler.NormalizedGaussian.of(uniform);
    }

    public static Rng of(long seed) {
        return new Rng(seed);
    }

    public long seed() {
        return seed;
    }

    public UniformRandomProvider uniform() {
        return uniform;
    }

    /** A standard normal draw. */
    public double gaussian() {
        return gauss.sample();
    }

    /** Uniform on [0, 1). */
    public double nextDouble() {
        return uniform.nextDouble();
    }

    /** Uniform integer in [lo, hi] inclusive. */
    public int nextInt(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        return lo + uniform.nextInt(hi - lo + 1);
    }

    /** Fills an array with standard normal draws. */
    public double[] gaussians(int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = gauss.sample();
        }
        return z;
    }
}
