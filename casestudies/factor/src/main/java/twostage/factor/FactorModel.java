package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * The latent factor model of Section 6.2 (p. 10) and Appendix I: x = A* h + mu with h ~ N(0, I_k) and
 * mu ~ N(0, I_d) independent, so x ~ N(0, Sigma_x) with Sigma_x = I_d + M*, M* = A* A*^T of rank k; the label is
 * y = beta*^T h + nu with nu ~ N(0, sigma_nu^2) independent of (h, mu).
 *
 * <p>Everything downstream follows from Gaussian conditioning on the joint law of (h, x), whose cross-covariance is
 * Cov(h, x) = A*^T: the regression function is f*(x) = w*^T x with w* = Sigma_x^-1 A* beta*, and the conditional
 * noise variance is Var(y | x) = sigma_nu^2 + beta*^T (I_k - A*^T Sigma_x^-1 A*) beta*
 * = sigma_nu^2 + beta*^T (I_k + A*^T A*)^-1 beta* (push-through identity). The paper prints the latter with
 * (I_d + A* A*^T)^-1 in the middle, which is a d x d matrix between two k-vectors (see {@link #printedNoiseVarianceIsWellTyped()}).
 *
 * <p>Immutable; validated on construction: A* must be d x k with 1 <= k < d and full column rank, beta* of length
 * k, sigma_nu^2 >= 0, and every entry finite. Each violation throws an {@link IllegalArgumentException} naming it.
 */
public final class FactorModel {

    private final DMatrixRMaj aStar;
    private final double[] betaStar;
    private final double sigmaNu2;
    private final int d;
    private final int k;
    private final DMatrixRMaj sigmaX;
    private final DMatrixRMaj sigmaXInv;
    private final DMatrixRMaj mStar;
    private final double[] wStar;
    private final double[] sigmas;
    private final DMatrixRMaj u1;
    private final DMatrixRMaj u2;

    private FactorModel(DMatrixRMaj aStar, double[] betaStar, double sigmaNu2) {
        if (aStar == null || betaStar == null) {
            throw new IllegalArgumentException("A* and beta* must be given (null)");
        }
        this.d = aStar.numRows;
        this.k = aStar.numCols;
        if (k < 1) {
            throw new IllegalArgumentException("the number of factors k must be >= 1, got k=" + k);
        }
        if (k >= d) {
            throw new IllegalArgumentException("the number of factors k must be < d (k << d), got k=" + k + ", d=" + d);
        }
        Checks.requireFinite("loading matrix A*", aStar);
        Checks.requireFinite("beta*", betaStar);
        if (betaStar.length != k) {
            throw new IllegalArgumentException("beta* must have length k=" + k + ", got " + betaStar.length);
        }
        if (Double.isNaN(sigmaNu2) || sigmaNu2 < 0 || Double.isInfinite(sigmaNu2)) {
            throw new IllegalArgumentException("label noise variance sigma_nu^2 must be >= 0 and finite, got " + sigmaNu2);
        }
        DMatrixRMaj gram = Mat.multTransA(aStar, aStar);
        double[] gv = SymmetricEigen.of(Linalg.sym(gram)).values();
        if (!(gv[k - 1] > 1e-12 * Math.max(gv[0], 1e-300))) {
            throw new twostage.check.AssumptionViolation("full column rank of A*", "A* must have rank k=" + k + " (smallest squared singular "
                    + "value " + gv[k - 1] + ", largest " + gv[0] + ")");
        }
        this.aStar = aStar.copy();
        this.betaStar = betaStar.clone();
        this.sigmaNu2 = sigmaNu2;
        this.mStar = Mat.multTransB(aStar, aStar);
        Linalg.symmetrize(mStar);
        this.sigmaX = Mat.add(Mat.identity(d), mStar);
        this.sigmaXInv = Linalg.spdInverse(sigmaX);
        this.wStar = Linalg.flat(Mat.mult(sigmaXInv, Mat.mult(aStar, Mat.col(betaStar))));
        SymmetricEigen e = SymmetricEigen.of(mStar);
        this.sigmas = java.util.Arrays.copyOf(e.values(), k);
        this.u1 = e.leading(k);
        this.u2 = e.trailing(k);
    }

    /** The model with loading A* (d x k), coefficient beta* (length k) and label noise variance sigma_nu^2. */
    public static FactorModel of(DMatrixRMaj aStar, double[] betaStar, double sigmaNu2) {
        return new FactorModel(aStar, betaStar, sigmaNu2);
    }

    /**
     * The FACTOR generator of the catalogue: A* = U0 diag(s) O with U0 a random d x k orthonormal frame, O a random
     * k x k orthogonal matrix, and singular values s; beta* with i.i.d. N(0, 1) entries scaled to norm
     * {@code betaNorm}.
     */
    public static FactorModel random(int d, double[] singularValues, double betaNorm, double sigmaNu2, Rng rng) {
        int k = singularValues.length;
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("the number of factors k must satisfy 1 <= k < d, got k=" + k + ", d=" + d);
        }
        DMatrixRMaj u0 = RandomMatrices.orthonormalColumns(d, k, rng);
        DMatrixRMaj o = RandomMatrices.haarOrthogonal(k, rng);
        DMatrixRMaj us = u0.copy();
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                us.set(i, j, us.get(i, j) * singularValues[j]);
            }
        }
        double[] beta = rng.gaussians(k);
        double nb = 0;
        for (double b : beta) {
            nb += b * b;
        }
        nb = Math.sqrt(nb);
        for (int j = 0; j < k; j++) {
            beta[j] *= betaNorm / nb;
        }
        return of(Mat.mult(us, o), beta, sigmaNu2);
    }

    /** The same model with A* multiplied by {@code s} (factor strength sweep). */
    public FactorModel withLoadingScaled(double s) {
        return of(Mat.scale(s, aStar), betaStar, sigmaNu2);
    }

    public int d() { return d; }
    public int k() { return k; }
    public DMatrixRMaj aStar() { return aStar.copy(); }
    public double[] betaStar() { return betaStar.clone(); }
    public double sigmaNu2() { return sigmaNu2; }
    /** Sigma_x = I_d + M*. */
    public DMatrixRMaj sigmaX() { return sigmaX.copy(); }
    public DMatrixRMaj sigmaXInverse() { return sigmaXInv.copy(); }
    /** M* = A* A*^T. */
    public DMatrixRMaj mStar() { return mStar.copy(); }
    /** w* = Sigma_x^-1 A* beta*, so f*(x) = w*^T x. */
    public double[] wStar() { return wStar.clone(); }
    /** sigma_1 >= .. >= sigma_k > 0, the nonzero eigenvalues of M* (the paper's Sigma* in Corollary 6.4). */
    public double[] sigmas() { return sigmas.clone(); }
    /** U1 (d x k), orthonormal eigenvectors of M* for sigma_1..sigma_k. */
    public DMatrixRMaj u1() { return u1.copy(); }
    /** U2 (d x (d-k)), an orthonormal basis of the null space of M*. */
    public DMatrixRMaj u2() { return u2.copy(); }

    /** E[f*(X)^2] = w*^T Sigma_x w*. */
    public double targetSecondMoment() {
        return quad(wStar, sigmaX);
    }

    /**
     * Var(y | x) computed by Gaussian conditioning in the generative model: Var(beta*^T h | x) + sigma_nu^2 with
     * Var(h | x) = I_k - A*^T Sigma_x^-1 A*.
     */
    public double noiseVarianceByConditioning() {
        DMatrixRMaj condCov = Mat.sub(Mat.identity(k), Mat.multTransA(aStar, Mat.mult(sigmaXInv, aStar)));
        return sigmaNu2 + quad(betaStar, condCov);
    }

    /** sigma_nu^2 + beta*^T (I_k + A*^T A*)^-1 beta*, the well-typed reading of the printed sigma^2 (p. 10). */
    public double noiseVarianceKByK() {
        DMatrixRMaj inner = Linalg.spdInverse(Mat.add(Mat.identity(k), Mat.multTransA(aStar, aStar)));
        return sigmaNu2 + quad(betaStar, inner);
    }

    /**
     * Whether the printed sigma^2 := sigma_nu^2 + beta*^T (I_d + A* A*^T)^-1 beta* is well typed: beta* has length
     * k and the middle matrix is d x d, so only when k = d (excluded by the model, which needs k < d).
     */
    public boolean printedNoiseVarianceIsWellTyped() {
        return betaStar.length == sigmaX.numRows;
    }

    /** a = U1^T A* beta* (Corollary 6.4). */
    public double[] a() {
        return Linalg.flat(Mat.multTransA(u1, Mat.mult(aStar, Mat.col(betaStar))));
    }

    /** The constant printed in Corollary 6.4: ||(I_k + Sigma*)^-1/2 U1^T A* beta*||^2 = sum a_i^2 / (1 + sigma_i). */
    public double kappaPrinted() {
        double[] a = a();
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += a[i] * a[i] / (1 + sigmas[i]);
        }
        return s;
    }

    /**
     * The interaction constant our derivation gives when the section-dependent term of DU*[v] is kept (the range of
     * M moves with v): ||L(Z)||^2 = ||(I - P*) Z M*^+ w*||^2 with (I - P*) Z = (I - P*) G P*, whose law is
     * kappa chi^2_{d-k} with kappa = sum_i a_i^2 / (sigma_i^2 (1 + sigma_i)). Reported next to the printed constant;
     * the checks decide between them by the engine and by simulation, not by this formula.
     */
    public double kappaDerived() {
        double[] a = a();
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += a[i] * a[i] / (sigmas[i] * sigmas[i] * (1 + sigmas[i]));
        }
        return s;
    }

    /** W(A) = A^T (I_d + A A^T)^-1 (k x d), so psi(x, A) = W(A) x. */
    public static DMatrixRMaj featureMatrix(DMatrixRMaj a) {
        int dd = a.numRows;
        DMatrixRMaj inv = Linalg.spdInverse(Mat.add(Mat.identity(dd), Mat.multTransB(a, a)));
        return Mat.multTransA(a, inv);
    }

    /** Rep for the linear features x -> W x (W p x d): w*^T Sigma_x w* - c^T Sigma^+ c with Sigma = W Sigma_x W^T. */
    public double rep(DMatrixRMaj w) {
        DMatrixRMaj sig = Mat.mult(w, Mat.multTransB(sigmaX, w));
        Linalg.symmetrize(sig);
        DMatrixRMaj c = Mat.mult(w, Mat.mult(sigmaX, Mat.col(wStar)));
        DMatrixRMaj pinv = twostage.linalg.PseudoInverse.pinv(sig);
        return Math.max(0, targetSecondMoment() - Mat.multTransA(c, Mat.mult(pinv, c)).get(0));
    }

    /** The population feature moments E[W x x^T W2^T] = W1 Sigma_x W2^T. */
    public DMatrixRMaj crossMoment(DMatrixRMaj w1, DMatrixRMaj w2) {
        return Mat.mult(w1, Mat.multTransB(sigmaX, w2));
    }

    /** E[f*(X) W X] = W Sigma_x w*. */
    public DMatrixRMaj targetMoment(DMatrixRMaj w) {
        return Mat.mult(w, Mat.mult(sigmaX, Mat.col(wStar)));
    }

    static double quad(double[] v, DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += v[i] * m.get(i, j) * v[j];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "FACTOR(d=" + d + ", k=" + k + ", eig(M*)=" + java.util.Arrays.toString(sigmas) + ", |beta*|="
                + Math.sqrt(quad(betaStar, Mat.identity(k))) + ", sigma_nu^2=" + sigmaNu2 + ")";
    }

    /** x ~ N(0, Sigma_x) as A* h + mu (one draw). */
    public double[] sampleX(Rng rng) {
        double[] h = rng.gaussians(k);
        double[] x = rng.gaussians(d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                x[i] += aStar.get(i, j) * h[j];
            }
        }
        return x;
    }

}
