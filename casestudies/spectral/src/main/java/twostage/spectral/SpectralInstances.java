package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Seeded generators of valid spectral instances (claims.md SPEC). The whitened matrix C = Sigma^-1/2 Sigma+ Sigma^-1/2
 * is drawn as Q diag(c) Q^T; the positive pair is realisable iff |c_i| &lt;= 1 (then Sigma - Sigma+ Sigma^-1 Sigma+ =
 * Sigma^1/2 (I - C^2) Sigma^1/2 is PSD). The top-k eigenvalues lie in [0.55, 0.95], the others in [-0.4, 0.4]
 * (or are 0 when {@code rankK} is set, so C has rank exactly k), so Assumption 6.1 holds with gap at least 0.15.
 */
public final class SpectralInstances {

    private SpectralInstances() {
    }

    /** A random instance: Sigma_pre with condition number up to 4, random C as above, Sigma_down SPD, random beta. */
    public static SpectralModel random(int d, int k, boolean rankK, Rng rng) {
        DMatrixRMaj sigma = RandomMatrices.spd(d, 1 + 3 * rng.nextDouble(), rng);
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = i < k ? 0.55 + 0.4 * rng.nextDouble() : (rankK ? 0 : -0.4 + 0.8 * rng.nextDouble());
        }
        DMatrixRMaj cm = RandomMatrices.withEigenvalues(RandomMatrices.haarOrthogonal(d, rng), c);
        return withWhitened(sigma, cm, k, RandomMatrices.spd(d, 1 + 2 * rng.nextDouble(), rng), rng.gaussians(k), 1.0);
    }

    /** The model with Sigma_pre = sigma and SigmaPlusPre = Sigma^1/2 C Sigma^1/2. */
    public static SpectralModel withWhitened(DMatrixRMaj sigma, DMatrixRMaj c, int k, DMatrixRMaj sigmaDown,
                                             double[] beta, double noise) {
        DMatrixRMaj half = twostage.linalg.SymmetricEigen.of(sigma).apply(Math::sqrt);
        DMatrixRMaj sp = Mat.mult(half, c, half);
        RandomMatrices.symmetrize(sp);
        return SpectralModel.of(sigma, sp, k, sigmaDown, beta, noise);
    }

    /** The example of the catalogue for (H.38)-(H.39): a = (1.5, 0.8), b = (1.2, 0.6), c = (1.2, 0.5), e = (0.3, 0.25). */
    public static SpectralModel diagonalExample() {
        return SpectralModel.diagonal(new double[] {1.5, 0.8}, new double[] {1.2, 0.6}, new double[] {1.2, 0.5},
                new double[] {0.3, 0.25}, new double[] {1, -0.7}, 1.0);
    }

    /** A random point of M_{d,k} near M*: the rank-k truncation of M* + eps * (random symmetric, unit norm). */
    public static DMatrixRMaj near(SpectralModel model, double eps, Rng rng) {
        int d = model.d();
        DMatrixRMaj h = RandomMatrices.gaussian(d, d, rng);
        RandomMatrices.symmetrize(h);
        DMatrixRMaj p = Mat.add(model.mStar(), Mat.scale(eps / Mat.frob(h), h));
        return twostage.geometry.FixedRankPsdGeometry.truncate(p, model.k(), "perturbed M*");
    }
}
