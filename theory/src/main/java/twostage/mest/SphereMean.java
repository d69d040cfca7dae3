package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import twostage.geometry.SphereManifold;
import twostage.linalg.Vectors;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * The sphere-mean problem of claims.md Section 4 (Theorem D.7 with a curvature-dominated Hessian): O on S^{q-1},
 * f(O; z) = -<O, z>, z ~ N(mu, Sigma_z), mu != 0. Then O* = mu/|mu|, the estimator is zbar/|zbar| (the exact
 * minimiser), grad f(O*; z) = -P_T z, Sigma* = P_T Sigma_z P_T, and the Riemannian Hessian of F(O) = -<O, mu> is
 * |mu| P_T (the Weingarten term; the Euclidean Hessian is 0). Hence V = P_T Sigma_z P_T / |mu|^2.
 *
 * <p>Sampling shortcut: {@link #estimate} draws zbar from its exact law N(mu, Sigma_z / m) instead of m draws.
 * {@link #estimateFromDraws} averages m actual draws (used to confirm the shortcut).
 *
 * <p>mu = 0 is accepted so that validators can reject it: then every point minimises F (not identified) and
 * {@link #truth()} returns e_1 arbitrarily.
 */
public final class SphereMean implements MEstimationProblem {

    private final double[] mu;
    private final DMatrixRMaj sigmaZ;
    private final DMatrixRMaj chol;
    private final SphereManifold sphere;

    private SphereMean(double[] mu, DMatrixRMaj sigmaZ, DMatrixRMaj chol) {
        this.mu = mu.clone();
        this.sigmaZ = sigmaZ.copy();
        this.chol = chol;
        this.sphere = SphereManifold.of(mu.length);
    }

    /**
     * @throws IllegalArgumentException if mu is not finite, or Sigma_z is not q x q symmetric positive definite
     */
    public static SphereMean of(double[] mu, DMatrixRMaj sigmaZ) {
        Checks.requireFinite("mu", mu);
        int q = mu.length;
        Checks.requireShape("Sigma_z", sigmaZ, q, q);
        Checks.requireSymmetric("Sigma_z", sigmaZ, 1e-10);
        Checks.requirePositiveDefinite("Sigma_z", sigmaZ, 1e-12);
        CholeskyDecomposition_F64<DMatrixRMaj> c = DecompositionFactory_DDRM.chol(q, true);
        if (!c.decompose(sigmaZ.copy())) {
            throw new IllegalArgumentException("Sigma_z must be positive definite (Cholesky failed)");
        }
        return new SphereMean(mu, sigmaZ, c.getT(null));
    }

    @Override
    public String describe() {
        return "sphere mean on S^" + (mu.length - 1) + ", mu=" + java.util.Arrays.toString(mu) + ", |mu|="
                + Vectors.norm(mu);
    }

    @Override
    public SphereManifold manifold() {
        return sphere;
    }

    public double[] mu() {
        return mu.clone();
    }

    public DMatrixRMaj sigmaZ() {
        return sigmaZ.copy();
    }

    @Override
    public double[] truth() {
        double n = Vectors.norm(mu);
        if (n == 0) {
            double[] e = new double[mu.length];
            e[0] = 1;
            return e;
        }
        return Vectors.scale(1 / n, mu);
    }

    @Override
    public double[] sample(Rng rng) {
        return Vectors.axpy(1, Mat.mult(chol, Mat.col(rng.gaussians(mu.length))).getData(), mu);
    }

    @Override
    public double loss(double[] omega, double[] z) {
        return -Vectors.dot(omega, z);
    }

    @Override
    public double[] score(double[] omega, double[] z) {
        return Vectors.scale(-1, sphere.projectTangent(omega, z));
    }

    @Override
    public double populationLoss(double[] omega) {
        return -Vectors.dot(omega, mu);
    }

    /** B^T Hess F(O*) B from the general sphere formula with Euclidean gradient -mu and Euclidean Hessian 0. */
    @Override
    public DMatrixRMaj hessian() {
        double[] o = truth();
        DMatrixRMaj h = sphere.riemannianHessian(o, Vectors.scale(-1, mu), new DMatrixRMaj(mu.length, mu.length));
        DMatrixRMaj b = sphere.tangentBasis(o);
        return Mat.multTransA(b, Mat.mult(h, b));
    }

    /** B^T P_T Sigma_z P_T B = B^T Sigma_z B. */
    @Override
    public DMatrixRMaj scoreCovariance() {
        DMatrixRMaj b = sphere.tangentBasis(truth());
        return Mat.multTransA(b, Mat.mult(sigmaZ, b));
    }

    /** The Euclidean Hessian of the extension -<O, mu> projected on T: B^T P_T 0 P_T B = 0 (a planted error). */
    public DMatrixRMaj euclideanHessian() {
        return new DMatrixRMaj(mu.length - 1, mu.length - 1);
    }

    /** The closed form V = B^T Sigma_z B / |mu|^2 of claims.md CF15. */
    public DMatrixRMaj closedFormCovariance() {
        double n2 = Vectors.dot(mu, mu);
        return Mat.scale(1 / n2, scoreCovariance());
    }

    /** zbar / |zbar| with zbar drawn from its exact law N(mu, Sigma_z / m). */
    @Override
    public double[] estimate(int m, Rng rng) {
        if (m < 1) {
            throw new IllegalArgumentException("need m >= 1, got " + m);
        }
        double[] noise = Mat.mult(chol, Mat.col(rng.gaussians(mu.length))).getData();
        return sphere.descriptor(Vectors.axpy(1 / Math.sqrt(m), noise, mu));
    }

    /** zbar / |zbar| from m actual draws. */
    public double[] estimateFromDraws(int m, Rng rng) {
        double[] s = new double[mu.length];
        for (int i = 0; i < m; i++) {
            s = Vectors.axpy(1.0 / m, sample(rng), s);
        }
        return sphere.descriptor(s);
    }

    /** P(<zbar, O*> < 0) = Phi(-|mu| sqrt(m) / sqrt(O*^T Sigma_z O*)): the chance that O_m is past the equator. */
    public double probabilityBeyondEquator(int m) {
        double[] o = truth();
        double var = Mat.inner(Mat.col(o), Mat.mult(sigmaZ, Mat.col(o)));
        return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .cumulativeProbability(-Vectors.norm(mu) * Math.sqrt(m) / Math.sqrt(var));
    }

}
