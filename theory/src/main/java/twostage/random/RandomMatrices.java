package twostage.random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Seeded generators of the random instances the paper's checks need. Every method takes the {@link Rng} it draws
 * from, so an instance is a pure function of its seed.
 */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /** i.i.d. N(0, 1) entries. */
    public static DMatrixRMaj gaussian(int rows, int cols, Rng rng) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < a.getNumElements(); i++) {
            a.set(i, rng.gaussian());
        }
        return a;
    }

    /**
     * Haar-distributed orthogonal matrix in O(n) (both determinants occur): QR of a Gaussian matrix with the signs of
     * R's diagonal moved into Q (Mezzadri's correction).
     */
    public static DMatrixRMaj haarOrthogonal(int n, Rng rng) {
        DMatrixRMaj g = gaussian(n, n, rng);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    /** A Haar orthogonal matrix conditioned on det = -1 (a reflection), by flipping one column if needed. */
    public static DMatrixRMaj reflection(int n, Rng rng) {
        DMatrixRMaj q = haarOrthogonal(n, rng);
        if (CommonOps_DDRM.det(q) > 0) {
            for (int i = 0; i < n; i++) {
                q.set(i, 0, -q.get(i, 0));
            }
        }
        return q;
    }

    /** n x k matrix with orthonormal columns (Haar on the Stiefel manifold). */
    public static DMatrixRMaj orthonormalColumns(int n, int k, Rng rng) {
        if (k > n) {
            throw new IllegalArgumentException("need k <= n for orthonormal columns, got k=" + k + ", n=" + n);
        }
        return CommonOps_DDRM.extract(haarOrthogonal(n, rng), 0, n, 0, k);
    }

    /**
     * Symmetric positive definite matrix with condition number exactly {@code cond}: Q diag(lambda) Q^T with Q Haar and
     * log-eigenvalues spread uniformly between 0 and log(cond) (endpoints included), largest eigenvalue 1.
     */
    public static DMatrixRMaj spd(int n, double cond, Rng rng) {
        if (!(cond >= 1)) {
            throw new IllegalArgumentException("condition number must be >= 1, got " + cond);
        }
        double[] lam = new double[n];
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : (i == 0 ? 0 : (i == n - 1 ? 1 : rng.nextDouble()));
            lam[i] = Math.exp(-t * Math.log(cond));
        }
        return withEigenvalues(haarOrthogonal(n, rng), lam);
    }

    /** Q diag(lambda) Q^T for the first lambda.length columns of Q. */
    public static DMatrixRMaj withEigenvalues(DMatrixRMaj q, double[] lambda) {
        int n = q.numRows;
        DMatrixRMaj ql = CommonOps_DDRM.extract(q, 0, n, 0, lambda.length);
        for (int j = 0; j < lambda.length; j++) {
            for (int i = 0; i < n; i++) {
                ql.set(i, j, ql.get(i, j) * lambda[j]);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ql, CommonOps_DDRM.extract(q, 0, n, 0, lambda.length), out);
        symmetrize(out);
        return out;
    }

    /** Rank-r PSD matrix G diag(lambda) G^T with G Haar orthonormal and lambda in [1, 2]. */
    public static DMatrixRMaj psdOfRank(int n, int r, Rng rng) {
        if (r < 0 || r > n) {
            throw new IllegalArgumentException("rank must be in [0, n], got " + r + " for n=" + n);
        }
        double[] lam = new double[r];
        for (int i = 0; i < r; i++) {
            lam[i] = 1 + rng.nextDouble();
        }
        return withEigenvalues(haarOrthogonal(n, rng), lam);
    }

    /** An n x p matrix of rank exactly r (product of Gaussian n x r and r x p factors). */
    public static DMatrixRMaj ofRank(int n, int p, int r, Rng rng) {
        if (r < 0 || r > Math.min(n, p)) {
            throw new IllegalArgumentException("rank must be in [0, min(n, p)], got " + r + " for " + n + "x" + p);
        }
        DMatrixRMaj a = gaussian(n, r, rng);
        DMatrixRMaj b = gaussian(r, p, rng);
        DMatrixRMaj out = new DMatrixRMaj(n, p);
        CommonOps_DDRM.mult(a, b, out);
        return out;
    }

    /**
     * A design with collinear columns: p columns of which the last {@code dup} copy earlier ones (scaled), so the rank
     * is at most p - dup.
     */
    public static DMatrixRMaj collinearDesign(int n, int p, int dup, Rng rng) {
        if (dup < 0 || dup >= p) {
            throw new IllegalArgumentException("number of duplicated columns must be in [0, p), got " + dup);
        }
        DMatrixRMaj a = gaussian(n, p, rng);
        for (int j = p - dup; j < p; j++) {
            int src = rng.nextInt(0, p - dup - 1);
            double s = 0.5 + rng.nextDouble();
            for (int i = 0; i < n; i++) {
                a.set(i, j, s * a.get(i, src));
            }
        }
        return a;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(0, i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The n x n permutation matrix P with P e_i = e_{perm[i]}. */
    public static DMatrixRMaj permutationMatrix(int[] perm) {
        int n = perm.length;
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            p.set(perm[i], i, 1.0);
        }
        return p;
    }

    /** Replaces a by (a + a^T)/2 in place. */
    public static void symmetrize(DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i + 1; j < a.numCols; j++) {
                double v = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
    }
}
