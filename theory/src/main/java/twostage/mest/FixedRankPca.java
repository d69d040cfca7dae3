package twostage.mest;

import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import twostage.geometry.FixedRankPsdGeometry;
import twostage.geometry.FixedRankPsdManifold;
import twostage.geometry.FixedRankPsdPoint;
import twostage.linalg.Vectors;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.Rng;

/**
 * Rank-k PCA as an M-estimation problem on M_{d,k} (Frobenius metric; a test bed for the CF7 geometry in
 * Theorem D.7): x ~ N(0, Sigma) in R^d, f(M; x) = ||M - x x^T||_F^2 / 2, so F(M) = ||M - Sigma||_F^2 / 2 + const,
 * M* = the top-k truncation of Sigma (needs lambda_k > max(lambda_{k+1}, 0)) and the estimator is the top-k
 * truncation of the sample covariance S_m (the exact minimiser of the empirical objective on M_{d,k}).
 *
 * <p>The Euclidean gradient at M* is M* - Sigma, which is NOT zero: the Riemannian Hessian has the CF7 curvature
 * term, H*[xi] = xi + P_T(N xi M*^+ + M*^+ xi N) with N = -(Sigma - M*). Score covariance (Gaussian fourth
 * moments): <B_i, Sigma* B_j> = Cov(<B_i, x x^T>, <B_j, x x^T>) = 2 tr(B_i Sigma B_j Sigma).
 *
 * <p>Independent closed form (first-order eigen-perturbation): in the eigenbasis (a_i) of Sigma, the limit law of
 * sqrt(m) P_T(M_m - M*) has independent coordinates with variance 2 lambda_i^2 on a_i a_i^T (i <= k),
 * 2 lambda_i lambda_j on (a_i a_j^T + a_j a_i^T)/sqrt2 (i < j <= k) and 2 lambda_i^3 lambda_j / (lambda_i - lambda_j)^2
 * on the mixed directions (i <= k < j).
 */
public final class FixedRankPca implements MEstimationProblem {

    private final DMatrixRMaj sigma;
    private final DMatrixRMaj chol;
    private final int d;
    private final int k;
    private final FixedRankPsdManifold manifold;
    private final double[] mStar;
    private final SymmetricEigen eig;

    private FixedRankPca(DMatrixRMaj sigma, DMatrixRMaj chol, int k, SymmetricEigen eig) {
        this.sigma = sigma.copy();
        this.chol = chol;
        this.d = sigma.numRows;
        this.k = k;
        this.eig = eig;
        this.manifold = FixedRankPsdManifold.of(d, k, w -> w.clone(), o -> o.clone());
        this.mStar = FixedRankPsdGeometry.truncate(sigma, k, "Sigma").getData();
    }

    /**
     * @throws IllegalArgumentException if Sigma is not symmetric positive definite, k is not in [1, d-1], or the
     *                                  eigengap lambda_k > lambda_{k+1} fails (M* not identified)
     */
    public static FixedRankPca of(DMatrixRMaj sigma, int k) {
        Checks.requireSquare("Sigma", sigma);
        int d = sigma.numRows;
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("rank-k PCA needs 1 <= k < d, got k=" + k + ", d=" + d);
        }
        Checks.requireSymmetric("Sigma", sigma, 1e-10);
        Checks.requirePositiveDefinite("Sigma", sigma, 1e-12);
        SymmetricEigen e = SymmetricEigen.of(sigma);
        if (!(e.values()[k - 1] > e.values()[k] * (1 + 1e-8))) {
            throw new twostage.check.AssumptionViolation("eigengap lambda_k > lambda_{k+1}", "rank-k PCA needs it, got "
                    + e.values()[k - 1] + " and " + e.values()[k]);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> c = DecompositionFactory_DDRM.chol(d, true);
        if (!c.decompose(sigma.copy())) {
            throw new IllegalArgumentException("Sigma must be positive definite (Cholesky failed)");
        }
        return new FixedRankPca(sigma, c.getT(null), k, e);
    }

    @Override
    public String describe() {
        return "rank-" + k + " PCA truncation on M_{" + d + "," + k + "}, Sigma eigenvalues "
                + java.util.Arrays.toString(eig.values());
    }

    @Override
    public FixedRankPsdManifold manifold() {
        return manifold;
    }

    @Override
    public double[] truth() {
        return mStar.clone();
    }

    @Override
    public double[] sample(Rng rng) {
        return Mat.mult(chol, Mat.col(rng.gaussians(d))).getData();
    }

    private double[] outer(double[] x) {
        double[] o = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                o[i * d + j] = x[i] * x[j];
            }
        }
        return o;
    }

    @Override
    public double loss(double[] m, double[] x) {
        double[] r = Vectors.sub(m, outer(x));
        return 0.5 * Vectors.dot(r, r);
    }

    @Override
    public double[] score(double[] m, double[] x) {
        return manifold.projectTangent(m, Vectors.sub(m, outer(x)));
    }

    /** ||M - Sigma||_F^2 / 2, exact up to a constant. */
    @Override
    public double populationLoss(double[] m) {
        double[] r = Vectors.sub(m, sigma.getData());
        return 0.5 * Vectors.dot(r, r);
    }

    /** The CF7 Riemannian Hessian at M* (gradient M* - Sigma, Euclidean Hessian the identity). */
    @Override
    public DMatrixRMaj hessian() {
        FixedRankPsdGeometry g = manifold.geometry();
        return g.riemannianHessianMatrix(g.point(mStar), Vectors.sub(mStar, sigma.getData()), xi -> xi.clone());
    }

    /** The CF7 Hessian with its curvature term dropped (P_T applied to the Euclidean Hessian only): the identity. */
    public DMatrixRMaj hessianWithoutCurvature() {
        return CommonOps_DDRM.identity(manifold.dimension());
    }

    @Override
    public DMatrixRMaj scoreCovariance() {
        DMatrixRMaj b = manifold.tangentBasis(mStar);
        int dim = b.numCols;
        DMatrixRMaj[] bs = new DMatrixRMaj[dim];
        for (int c = 0; c < dim; c++) {
            DMatrixRMaj bc = new DMatrixRMaj(d, d);
            for (int r = 0; r < d * d; r++) {
                bc.set(r, b.get(r, c));
            }
            bs[c] = Mat.mult(bc, sigma);
        }
        DMatrixRMaj out = new DMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                out.set(i, j, 2 * Mat.trace(Mat.mult(bs[i], bs[j])));
            }
        }
        return out;
    }

    /** The eigen-perturbation closed form of V (see the class comment), in the coordinates of the tangent basis. */
    public DMatrixRMaj closedFormCovariance() {
        double[] lam = eig.values();
        DMatrixRMaj a = eig.vectors();
        DMatrixRMaj amb = new DMatrixRMaj(d * d, d * d);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < d; j++) {
                double var;
                if (j == i) {
                    var = 2 * lam[i] * lam[i];
                } else if (j < k) {
                    var = 2 * lam[i] * lam[j];
                } else {
                    var = 2 * Math.pow(lam[i], 3) * lam[j] / Math.pow(lam[i] - lam[j], 2);
                }
                double[] e = new double[d * d];
                double s = i == j ? 1 : 1 / Math.sqrt(2);
                for (int r = 0; r < d; r++) {
                    for (int t = 0; t < d; t++) {
                        e[r * d + t] = i == j ? a.get(r, i) * a.get(t, i)
                                : s * (a.get(r, i) * a.get(t, j) + a.get(r, j) * a.get(t, i));
                    }
                }
                for (int r = 0; r < d * d; r++) {
                    for (int t = 0; t < d * d; t++) {
                        amb.add(r, t, var * e[r] * e[t]);
                    }
                }
            }
        }
        DMatrixRMaj b = manifold.tangentBasis(mStar);
        return Mat.multTransA(b, Mat.mult(amb, b));
    }

    /**
     * The top-k truncation of the sample covariance S_m. Sampling shortcut: for m >= d, S_m is drawn from its exact
     * law L W L^T / m with W ~ Wishart_d(I, m) by Bartlett's decomposition (W = A A^T, A lower triangular with
     * A_ii^2 ~ chi-square(m - i) and A_ij ~ N(0, 1) below the diagonal) and Sigma = L L^T; for m < d from m draws.
     * {@link #estimateFromDraws} always uses m draws.
     */
    @Override
    public double[] estimate(int m, Rng rng) {
        if (m < d) {
            return estimateFromDraws(m, rng);
        }
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            double chi2 = 2 * AhrensDieterMarsagliaTsangGammaSampler.of(rng.uniform(), (m - i) / 2.0, 1).sample();
            a.set(i, i, Math.sqrt(chi2));
            for (int j = 0; j < i; j++) {
                a.set(i, j, rng.gaussian());
            }
        }
        DMatrixRMaj la = Mat.mult(chol, a);
        DMatrixRMaj s = Mat.scale(1.0 / m, Mat.multTransB(la, la));
        twostage.random.RandomMatrices.symmetrize(s);
        return FixedRankPsdGeometry.truncate(s, k, "the sample covariance").getData();
    }

    /** The top-k truncation of the sample covariance of m fresh draws. */
    public double[] estimateFromDraws(int m, Rng rng) {
        if (m < k) {
            throw new IllegalArgumentException("need m >= k draws, got " + m);
        }
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        double[] sd = s.getData();
        for (int n = 0; n < m; n++) {
            double[] x = sample(rng);
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    sd[i * d + j] += x[i] * x[j] / m;
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                sd[i * d + j] = sd[j * d + i];
            }
        }
        return FixedRankPsdGeometry.truncate(s, k, "the sample covariance").getData();
    }

    /** A point validated on M_{d,k} (exposed for tests). */
    FixedRankPsdPoint starPoint() {
        return manifold.geometry().point(mStar);
    }
}
