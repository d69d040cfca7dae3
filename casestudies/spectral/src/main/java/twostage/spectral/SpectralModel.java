package twostage.spectral;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;

/**
 * The linear spectral contrastive model of Section 6.1 (p. 9) and Appendix H of the paper.
 *
 * <p>Pre-training data: x ~ N(0, Sigma_pre); a positive view x+ with cross-covariance {@code SigmaPlusPre} =
 * E[x+ x^T] (NOT a pseudo-inverse); a negative x- that is an independent copy of x. The representation is
 * psi(x, A) = A x with A in R^{k x d}; the descriptor is M = A^T A on the rank-k PSD manifold M_{d,k}.
 * Downstream: x ~ N(0, Sigma_down), target f*(x) = beta*^T A* x with A* = s(M*) the section (H.1) at the
 * population minimiser, and homoskedastic noise of variance sigma^2.
 *
 * <p>Validation (each failure is an {@link IllegalArgumentException} naming the condition):
 * Sigma_pre symmetric positive definite; SigmaPlusPre symmetric; 1 <= k < d; Sigma_down positive definite;
 * the positive pair is realisable as a joint Gaussian, i.e. Sigma - Sigma+ Sigma^-1 Sigma+ is PSD; and Assumption
 * 6.1 (p. 9): lambda_k(C) > max(lambda_{k+1}(C), 0) for C = Sigma^-1/2 Sigma+ Sigma^-1/2 (gap relative tolerance
 * 1e-9 of the largest |eigenvalue|).
 */
public final class SpectralModel {

    /** Relative tolerance of the eigengap test of Assumption 6.1 and of the PSD tests. */
    public static final double GAP_REL_TOL = 1e-9;

    private final int d;
    private final int k;
    private final DMatrixRMaj sigmaPre;
    private final DMatrixRMaj sigmaPlusPre;
    private final DMatrixRMaj sigmaDown;
    private final double[] betaStar;
    private final double noiseVariance;
    private final DMatrixRMaj sigmaPreInvSqrt;
    private final DMatrixRMaj sigmaPreSqrt;
    private final DMatrixRMaj whitened;
    private final SymmetricEigen whitenedEigen;
    private final DMatrixRMaj mStar;
    private final DMatrixRMaj uStar;
    private final DMatrixRMaj aStar;
    private final DMatrixRMaj positiveNoiseFactor;
    private final DMatrixRMaj sigmaPreFactor;
    private final DMatrixRMaj sigmaDownFactor;
    private final DMatrixRMaj positiveRegression;

    private SpectralModel(DMatrixRMaj sigmaPre, DMatrixRMaj sigmaPlusPre, int k, DMatrixRMaj sigmaDown,
                          double[] betaStar, double noiseVariance) {
        Checks.requireFinite("Sigma_pre", sigmaPre);
        Checks.requireFinite("SigmaPlusPre (positive-pair cross-covariance E[x+ x^T])", sigmaPlusPre);
        Checks.requireFinite("Sigma_down", sigmaDown);
        Checks.requireFinite("beta*", betaStar);
        Checks.requireSquare("Sigma_pre", sigmaPre);
        this.d = sigmaPre.numRows;
        Checks.requireShape("SigmaPlusPre (positive-pair cross-covariance E[x+ x^T])", sigmaPlusPre, d, d);
        Checks.requireShape("Sigma_down", sigmaDown, d, d);
        if (k < 1) {
            throw new IllegalArgumentException("representation dimension k must be >= 1, got " + k);
        }
        if (k >= d) {
            throw new IllegalArgumentException("representation dimension k must be < d (a proper rank-k descriptor), got k="
                    + k + ", d=" + d);
        }
        this.k = k;
        if (betaStar.length != k) {
            throw new IllegalArgumentException("beta* must have length k=" + k + ", got " + betaStar.length);
        }
        Checks.requireNonNegative("noise variance sigma^2", noiseVariance);
        Checks.requireSymmetric("Sigma_pre", sigmaPre, 1e-12);
        Checks.requirePositiveDefinite("Sigma_pre", sigmaPre, 1e-12);
        Checks.requireSymmetric("SigmaPlusPre (exchangeable positive pair)", sigmaPlusPre, 1e-12);
        Checks.requireSymmetric("Sigma_down", sigmaDown, 1e-12);
        Checks.requirePositiveDefinite("Sigma_down", sigmaDown, 1e-12);
        this.sigmaPre = sigmaPre.copy();
        this.sigmaPlusPre = sigmaPlusPre.copy();
        this.sigmaDown = sigmaDown.copy();
        this.betaStar = betaStar.clone();
        this.noiseVariance = noiseVariance;

        SymmetricEigen es = SymmetricEigen.of(sigmaPre);
        this.sigmaPreInvSqrt = es.apply(v -> 1 / Math.sqrt(v));
        this.sigmaPreSqrt = es.apply(Math::sqrt);
        DMatrixRMaj sigmaInv = es.apply(v -> 1 / v);
        // realisability of the positive pair: Cov(x+ | x) = Sigma - Sigma+ Sigma^-1 Sigma+ must be PSD
        DMatrixRMaj cond = Mat.sub(sigmaPre, Mat.mult(sigmaPlusPre, sigmaInv, sigmaPlusPre));
        symmetrise(cond);
        SymmetricEigen ec = SymmetricEigen.of(cond);
        double lmin = ec.values()[d - 1];
        double scale = es.values()[0];
        if (lmin < -GAP_REL_TOL * scale) {
            throw new IllegalArgumentException("positive pair not realisable: Sigma - Sigma+ Sigma^-1 Sigma+ must be PSD "
                    + "(smallest eigenvalue " + lmin + ")");
        }
        this.positiveNoiseFactor = ec.apply(v -> Math.sqrt(Math.max(v, 0)));
        this.positiveRegression = Mat.mult(sigmaPlusPre, sigmaInv);
        this.sigmaPreFactor = sigmaPreSqrt;
        this.sigmaDownFactor = SymmetricEigen.of(sigmaDown).apply(Math::sqrt);

        this.whitened = Mat.mult(sigmaPreInvSqrt, sigmaPlusPre, sigmaPreInvSqrt);
        symmetrise(whitened);
        this.whitenedEigen = SymmetricEigen.of(whitened);
        double[] lam = whitenedEigen.values();
        double lk = lam[k - 1];
        double lk1 = lam[k];
        double big = Math.max(Math.abs(lam[0]), Math.abs(lam[d - 1]));
        if (!(lk - Math.max(lk1, 0) > GAP_REL_TOL * Math.max(big, 1e-300))) {
            throw new twostage.check.AssumptionViolation("Assumption 6.1", "need lambda_k(C) > max(lambda_{k+1}(C), 0) for "
                    + "C = Sigma^-1/2 Sigma+ Sigma^-1/2, got lambda_k=" + lk + ", lambda_{k+1}=" + lk1);
        }
        // (H.4): M* = Sigma^-1/2 U_k Lambda_k U_k^T Sigma^-1/2
        DMatrixRMaj ck = RandomMatrices.withEigenvalues(whitenedEigen.vectors(), Arrays.copyOf(lam, k));
        this.mStar = Mat.mult(sigmaPreInvSqrt, ck, sigmaPreInvSqrt);
        symmetrise(mStar);
        this.uStar = SymmetricEigen.of(mStar).leading(k);
        this.aStar = LocalSection.at(uStar).apply(mStar);
    }

    /**
     * @param sigmaPre      Sigma_pre = E[x x^T], symmetric positive definite
     * @param sigmaPlusPre  the positive-pair cross-covariance E[x+ x^T], symmetric
     * @param k             representation dimension, 1 <= k < d
     * @param sigmaDown     downstream covariance, positive definite
     * @param betaStar      downstream coefficients on the population representation, length k
     * @param noiseVariance sigma^2 >= 0
     */
    public static SpectralModel of(DMatrixRMaj sigmaPre, DMatrixRMaj sigmaPlusPre, int k, DMatrixRMaj sigmaDown,
                                   double[] betaStar, double noiseVariance) {
        return new SpectralModel(sigmaPre, sigmaPlusPre, k, sigmaDown, betaStar, noiseVariance);
    }

    /**
     * The instance of Corollary 6.3 (p. 9-10): Sigma_pre = Sigma_down = I_d, SigmaPlusPre = diag(1, 1/2, ..., 1/d),
     * beta* = (1, ..., 1), so A* = [diag(1, 1/sqrt 2, ..., 1/sqrt k), 0].
     */
    public static SpectralModel corollary63(int k, int d, double noiseVariance) {
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = 1.0 / (i + 1);
        }
        double[] beta = new double[Math.max(k, 0)];
        Arrays.fill(beta, 1.0);
        return of(Mat.identity(d), CommonOps_DDRM.diag(c), k, Mat.identity(d), beta, noiseVariance);
    }

    /**
     * The diagonal model of Appendix H.7 (p. 86): Sigma_pre = diag(a, b), SigmaPlusPre = diag(c, e), Sigma_down = I.
     */
    public static SpectralModel diagonal(double[] a, double[] b, double[] c, double[] e, double[] beta,
                                         double noiseVariance) {
        int k = a.length;
        int d = k + b.length;
        if (c.length != k || e.length != b.length) {
            throw new IllegalArgumentException("diagonal model needs |c| = |a| and |e| = |b|");
        }
        double[] s = new double[d];
        double[] sp = new double[d];
        for (int i = 0; i < k; i++) {
            s[i] = a[i];
            sp[i] = c[i];
        }
        for (int j = 0; j < b.length; j++) {
            s[k + j] = b[j];
            sp[k + j] = e[j];
        }
        return of(CommonOps_DDRM.diag(s), CommonOps_DDRM.diag(sp), k, Mat.identity(d), beta, noiseVariance);
    }

    static void symmetrise(DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i + 1; j < a.numCols; j++) {
                double v = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
    }

    public int d() { return d; }
    public int k() { return k; }
    public DMatrixRMaj sigmaPre() { return sigmaPre.copy(); }
    /** The positive-pair cross-covariance E[x+ x^T] (not a pseudo-inverse). */
    public DMatrixRMaj sigmaPlusPre() { return sigmaPlusPre.copy(); }
    public DMatrixRMaj sigmaDown() { return sigmaDown.copy(); }
    public double[] betaStar() { return betaStar.clone(); }
    public double noiseVariance() { return noiseVariance; }
    public DMatrixRMaj sigmaPreInvSqrt() { return sigmaPreInvSqrt.copy(); }
    public DMatrixRMaj sigmaPreSqrt() { return sigmaPreSqrt.copy(); }
    /** C = Sigma^-1/2 Sigma+ Sigma^-1/2. */
    public DMatrixRMaj whitenedCrossCovariance() { return whitened.copy(); }
    /** Eigenvalues of C, decreasing. */
    public double[] whitenedEigenvalues() { return whitenedEigen.values().clone(); }
    /** The population minimiser M* of (H.4). */
    public DMatrixRMaj mStar() { return mStar.copy(); }
    /** The orthonormal basis U* of range(M*) fixing the section (H.1). */
    public DMatrixRMaj uStar() { return uStar.copy(); }
    /** A* = s(M*), k x d. */
    public DMatrixRMaj aStar() { return aStar.copy(); }
    /** The local section (H.1) anchored at U*. */
    public LocalSection section() { return LocalSection.at(uStar); }
    /** m* = E[f*(X) X] = Sigma_down A*^T beta*. */
    public DMatrixRMaj mTarget() {
        return Mat.mult(sigmaDown, Mat.multTransA(aStar, Mat.col(betaStar)));
    }
    /** w* with f*(x) = w*^T x: A*^T beta*. */
    public DMatrixRMaj targetWeights() {
        return Mat.multTransA(aStar, Mat.col(betaStar));
    }
    /** Regression matrix K = Sigma+ Sigma^-1 of x+ on x. */
    DMatrixRMaj positiveRegression() { return positiveRegression; }
    /** Symmetric square root of Sigma - Sigma+ Sigma^-1 Sigma+. */
    DMatrixRMaj positiveNoiseFactor() { return positiveNoiseFactor; }
    DMatrixRMaj sigmaPreFactor() { return sigmaPreFactor; }
    DMatrixRMaj sigmaDownFactor() { return sigmaDownFactor; }

    /** Population loss (H.2) at M: -2 tr(M Sigma+) + tr((M Sigma)^2). */
    public double populationLoss(DMatrixRMaj m) {
        DMatrixRMaj ms = Mat.mult(m, sigmaPre);
        return -2 * Mat.trace(Mat.mult(m, sigmaPlusPre)) + Mat.trace(Mat.mult(ms, ms));
    }

    /** Population loss in the completed-square form (H.3): ||Sigma^1/2 M Sigma^1/2 - C||_F^2 - ||C||_F^2. */
    public double populationLossCompleted(DMatrixRMaj m) {
        DMatrixRMaj w = Mat.mult(sigmaPreSqrt, m, sigmaPreSqrt);
        double a = Mat.dist(w, whitened);
        double c = Mat.frob(whitened);
        return a * a - c * c;
    }

    /** Euclidean gradient of the population loss (H.9): -2 Sigma+ + 2 Sigma M Sigma. */
    public DMatrixRMaj populationGradient(DMatrixRMaj m) {
        DMatrixRMaj g = Mat.scale(2, Mat.mult(sigmaPre, m, sigmaPre));
        CommonOps_DDRM.addEquals(g, -2, sigmaPlusPre);
        return g;
    }

    /** Euclidean Hessian of the population loss (H.10) applied to H: 2 Sigma H Sigma. */
    public DMatrixRMaj populationHessian(DMatrixRMaj h) {
        return Mat.scale(2, Mat.mult(sigmaPre, h, sigmaPre));
    }

    @Override
    public String toString() {
        return "SpectralModel[d=" + d + ", k=" + k + ", eig(C)=" + Arrays.toString(whitenedEigen.values()) + "]";
    }
}
