package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import twostage.linalg.SymmetricEigen;

/** Small dense helpers the factor model needs beyond {@link twostage.linalg.Mat}. */
final class Linalg {

    private Linalg() {
    }

    /** The inverse of a symmetric positive-definite matrix (Cholesky). */
    static DMatrixRMaj spdInverse(DMatrixRMaj a) {
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(a.numRows);
        DMatrixRMaj c = a.copy();
        if (!chol.setA(c)) {
            throw new IllegalArgumentException("matrix must be positive definite (Cholesky failed)");
        }
        DMatrixRMaj inv = new DMatrixRMaj(a.numRows, a.numCols);
        chol.invert(inv);
        symmetrize(inv);
        return inv;
    }

    /** log det of a symmetric positive-definite matrix from its eigenvalues. */
    static double logDetSpd(DMatrixRMaj a) {
        double s = 0;
        for (double v : SymmetricEigen.of(sym(a)).values()) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("matrix must be positive definite for log det (eigenvalue " + v + ")");
            }
            s += Math.log(v);
        }
        return s;
    }

    /** The symmetric part (a + a^T)/2. */
    static DMatrixRMaj sym(DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.add(0.5, a, 0.5, CommonOps_DDRM.transpose(a, null), out);
        return out;
    }

    static void symmetrize(DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i + 1; j < a.numCols; j++) {
                double v = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
    }

    /** Symmetric function of a symmetric matrix (e.g. the inverse square root of an SPD matrix). */
    static DMatrixRMaj apply(DMatrixRMaj a, java.util.function.DoubleUnaryOperator f) {
        DMatrixRMaj out = SymmetricEigen.of(sym(a)).apply(f);
        symmetrize(out);
        return out;
    }

    /** The row-major flattening of a matrix. */
    static double[] flat(DMatrixRMaj a) {
        return a.data.length == a.getNumElements() ? a.data.clone()
                : java.util.Arrays.copyOf(a.data, a.getNumElements());
    }

    /** A rows x cols matrix from its row-major flattening. */
    static DMatrixRMaj unflat(double[] v, int rows, int cols) {
        if (v.length != rows * cols) {
            throw new IllegalArgumentException("vector of length " + v.length + " cannot be a " + rows + "x" + cols
                    + " matrix");
        }
        return new DMatrixRMaj(rows, cols, true, v.clone());
    }

    /** Orthonormal basis of the column space of a (d x k, full column rank) by a thin QR, as d x k. */
    static DMatrixRMaj orthonormalBasis(DMatrixRMaj a) {
        // Gram-Schmidt twice for stability; the inputs are small
        int d = a.numRows;
        int k = a.numCols;
        DMatrixRMaj q = a.copy();
        double[] norm0 = new double[k];
        for (int j = 0; j < k; j++) {
            for (int r = 0; r < d; r++) {
                norm0[j] += a.get(r, j) * a.get(r, j);
            }
            norm0[j] = Math.sqrt(norm0[j]);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < j; i++) {
                    double dot = 0;
                    for (int r = 0; r < d; r++) {
                        dot += q.get(r, i) * q.get(r, j);
                    }
                    for (int r = 0; r < d; r++) {
                        q.set(r, j, q.get(r, j) - dot * q.get(r, i));
                    }
                }
                double nrm = 0;
                for (int r = 0; r < d; r++) {
                    nrm += q.get(r, j) * q.get(r, j);
                }
                nrm = Math.sqrt(nrm);
                // what is left of column j after removing the earlier ones; round-off alone is not a direction
                if (pass == 0 && !(nrm > 1e-10 * norm0[j])) {
                    throw new IllegalArgumentException("matrix must have full column rank (column " + j
                            + " lies in the span of the earlier ones up to relative " + nrm / norm0[j] + ")");
                }
                for (int r = 0; r < d; r++) {
                    q.set(r, j, q.get(r, j) / nrm);
                }
            }
        }
        return q;
    }

    /** Largest sine of the principal angles between the column spaces of two d x k orthonormal matrices. */
    static double subspaceDistance(DMatrixRMaj q1, DMatrixRMaj q2) {
        DMatrixRMaj p1 = CommonOps_DDRM.multTransB(q1, q1, null);
        DMatrixRMaj p2 = CommonOps_DDRM.multTransB(q2, q2, null);
        DMatrixRMaj diff = new DMatrixRMaj(p1.numRows, p1.numCols);
        CommonOps_DDRM.subtract(p1, p2, diff);
        return twostage.linalg.Mat.opNorm(diff);
    }
}
