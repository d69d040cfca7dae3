package twostage.gmm;

/**
 * One instance of the mixture example: the mixture (pre-training and downstream law of X, Lemma J.1 takes
 * mu_down equal to the mixture), the projector rank r* = rank S(U*), the downstream coefficients theta* in
 * R^{K(d+1)} with f*(x) = theta*^T psi_{U*}(x) (well specified, Rep(U*) = 0), and the noise variance sigma^2.
 *
 * <p>Appendix K's instance: U* = beta I_{K,d}, theta* proportional to (1_{d+1}, 1_{d+1}/2, ..., 1_{d+1}/K) with unit
 * Euclidean norm. The paper does not print sigma^2; Figure 3(c) places the limit sigma^2 d_eff at 4.0 with d_eff =
 * K(r*+1) = 16, so sigma^2 = 0.25 is used ({@link #PAPER_SIGMA2}).
 */
public final class MixtureInstance {

    /** sigma^2 read off Figure 3(c): the limit sigma^2 d_eff sits at 4.0 and d_eff = 16. */
    public static final double PAPER_SIGMA2 = 0.25;

    private final MixtureModel model;
    private final int rank;
    private final double[] theta;
    private final double sigma2;
    private final FeatureMap atTruth;

    private MixtureInstance(MixtureModel model, int rank, double[] theta, double sigma2) {
        this.model = model;
        this.rank = rank;
        this.theta = theta;
        this.sigma2 = sigma2;
        this.atTruth = FeatureMap.at(model.components(), model.dimension(), model.centres(), rank);
    }

    /**
     * An instance; r* is the numerical rank of S(U*) (eigenvalues above 1e-9 lambda_1).
     *
     * @throws IllegalArgumentException if theta has the wrong length or is not finite, sigma^2 < 0, or S(U*) has no
     *                                  eigengap at r* (Assumption 6.5(ii))
     */
    public static MixtureInstance of(MixtureModel model, double[] theta, double sigma2) {
        int k = model.components();
        int d = model.dimension();
        if (theta == null || theta.length != k * (d + 1)) {
            throw new IllegalArgumentException("theta* must have length K(d+1)=" + (k * (d + 1)));
        }
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("theta* must be finite");
            }
        }
        if (!(sigma2 >= 0) || !Double.isFinite(sigma2)) {
            throw new IllegalArgumentException("noise variance sigma^2 must be >= 0 and finite, got " + sigma2);
        }
        double[] lam = twostage.linalg.SymmetricEigen.of(CentredSubspace.secondMoment(k, d, model.centres())).values();
        int r = 0;
        while (r < lam.length && lam[r] > 1e-9 * lam[0]) {
            r++;
        }
        if (r == 0) {
            throw new twostage.check.AssumptionViolation("Assumption 6.5(ii)", "S(U*) = 0: the centres carry no centred subspace");
        }
        return new MixtureInstance(model, r, theta.clone(), sigma2);
    }

    /** Appendix K's instance with the given sigma^2. */
    public static MixtureInstance paper(int k, int d, double beta, double sigma2) {
        MixtureModel m = MixtureModel.paperInstance(k, d, beta);
        return of(m, paperTheta(k, d), sigma2);
    }

    /** theta* proportional to (1_{d+1}, 1_{d+1}/2, ..., 1_{d+1}/K), unit norm. */
    public static double[] paperTheta(int k, int d) {
        double[] t = new double[k * (d + 1)];
        double n2 = 0;
        for (int i = 0; i < k; i++) {
            for (int a = 0; a <= d; a++) {
                t[i * (d + 1) + a] = 1.0 / (i + 1);
                n2 += 1.0 / ((i + 1.0) * (i + 1.0));
            }
        }
        double n = Math.sqrt(n2);
        for (int j = 0; j < t.length; j++) {
            t[j] /= n;
        }
        return t;
    }

    public MixtureModel model() { return model; }
    public int components() { return model.components(); }
    public int dimension() { return model.dimension(); }
    /** r* = rank S(U*). */
    public int rank() { return rank; }
    public double[] theta() { return theta.clone(); }
    public double noiseVariance() { return sigma2; }
    /** psi at U*. */
    public FeatureMap featuresAtTruth() { return atTruth; }
    /** d_eff = K(r*+1) under Assumption 6.5(iii). */
    public int effectiveDimension() { return components() * (rank + 1); }

    /**
     * Assumption 6.5(iii): the numerical rank (relative cut 1e-8) of the Monte Carlo E[psi_{U*} psi_{U*}^T] on n draws,
     * in the (6.4) coordinates, must be K(r*+1); returns it.
     *
     * @throws IllegalArgumentException naming the condition if it is not
     */
    public int requireFeatureRank(int n, twostage.random.Rng rng) {
        org.ejml.data.DMatrixRMaj s = FeatureMoments.covariance(this, model.centres(), model.sample(n, rng));
        double[] ev = twostage.linalg.SymmetricEigen.of(InteractionLimit.symmetrize(s)).values();
        int r = FeatureMoments.numericalRank(ev);
        if (r != effectiveDimension()) {
            throw new twostage.check.AssumptionViolation("Assumption 6.5(iii)", "rank E[psi psi^T] = " + r + " != K(r*+1) = "
                    + effectiveDimension());
        }
        return r;
    }

    /** The feature map at U (same projector rank r*). */
    public FeatureMap features(double[] u) {
        return FeatureMap.at(components(), dimension(), u, rank);
    }

    /** f*(x) = theta*^T psi_{U*}(x). */
    public double target(double[] x, int off) {
        return atTruth.linear(theta, x, off);
    }
}
