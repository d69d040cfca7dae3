package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * The estimators of the spectral model: the population minimiser (Lemma H.1 / (H.4), closed form) and the
 * empirical minimiser M-hat_m of (1/m) sum l(M; z_j) over M_{d,k}, computed by {@link SpectralMinimiser} in A from the
 * population solution A* (one pass over the m triples builds the sufficient statistics of {@link QuarticObjective}).
 */
public final class SpectralEstimator {

    private final SpectralModel model;
    private final PositivePairSampler sampler;
    private final SpectralMinimiser minimiser;

    private SpectralEstimator(SpectralModel model, SpectralMinimiser minimiser) {
        this.model = model;
        this.sampler = PositivePairSampler.of(model);
        this.minimiser = minimiser;
    }

    public static SpectralEstimator of(SpectralModel model) {
        return new SpectralEstimator(model, SpectralMinimiser.standard());
    }

    /** M* by the closed form (H.4). */
    public DMatrixRMaj population() {
        return model.mStar();
    }

    /** The empirical minimiser from a fresh sample of m triples. */
    public SpectralFit empirical(int m, Rng rng) {
        if (m < 1) {
            throw new IllegalArgumentException("pre-training sample size m must be >= 1, got " + m);
        }
        return empirical(sampler.sample(m, rng));
    }

    /** The empirical minimiser for given triples (rows of z, m x 3d). */
    public SpectralFit empirical(DMatrixRMaj z) {
        SpectralFit fit = minimiser.minimise(QuarticObjective.empirical(z), model.aStar());
        if (!fit.converged()) {
            throw new IllegalStateException("empirical spectral minimiser did not reach its certificate: ||grad||="
                    + fit.riemannianGradNorm() + " > tol " + fit.tolerance() + " after " + fit.iterations() + " iterations");
        }
        return fit;
    }

    public PositivePairSampler sampler() {
        return sampler;
    }
}
