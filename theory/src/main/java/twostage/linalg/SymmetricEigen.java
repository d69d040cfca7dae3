package twostage.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigendecomposition of a symmetric matrix, eigenvalues sorted in decreasing order, each eigenvector's sign fixed
 * so that its largest-magnitude entry is positive (so sections built from eigenvectors are reproducible).
 *
 * @param values  eigenvalues, decreasing
 * @param vectors orthonormal eigenvectors as columns, in the same order
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

    /**
     * @throws IllegalArgumentException if {@code a} is not square, contains NaN/infinite entries, or is not
     *                                  symmetric to 1e-10 relative to its largest entry
     */
    public static SymmetricEigen of(DMatrixRMaj a) {
        Checks.requireSquare("matrix", a);
        Checks.requireFinite("matrix", a);
        Checks.requireSymmetric("matrix", a, 1e-10);
        int n = a.numRows;
        DMatrixRMaj s = a.copy();
        // symmetrise exactly so the symmetric solver sees a symmetric input
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (s.get(i, j) + s.get(j, i));
                s.set(i, j, v);
                s.set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(s)) {
            throw new IllegalStateException("symmetric eigendecomposition failed");
        }
        Integer[] idx = new Integer[n];
        double[] vals = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            vals[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(vals[y], vals[x]));
        double[] sorted = new double[n];
        DMatrixRMaj vec = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            sorted[c] = vals[idx[c]];
            DMatrixRMaj v = eig.getEigenVector(idx[c]);
            int arg = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v.get(i)) > Math.abs(v.get(arg)) + 1e-12) {
                    arg = i;
                }
            }
            double sign = v.get(arg) < 0 ? -1 : 1;
            double norm = CommonOps_DDRM.elementSum(elementSquare(v));
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                vec.set(i, c, sign * v.get(i) / norm);
            }
        }
        return new SymmetricEigen(sorted, vec);
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj v) {
        DMatrixRMaj out = v.copy();
        CommonOps_DDRM.elementMult(out, v);
        return out;
    }

    /** The first k eigenvectors as a d x k matrix (d x 0 for k = 0). */
    public DMatrixRMaj leading(int k) {
        requireSplit(k);
        return columns(0, k);
    }

    /** The last n - k eigenvectors as a d x (n - k) matrix (d x 0 for k = n). */
    public DMatrixRMaj trailing(int k) {
        requireSplit(k);
        return columns(k, values.length);
    }

    private void requireSplit(int k) {
        if (k < 0 || k > values.length) {
            throw new IllegalArgumentException("k must be in [0, " + values.length + "], got " + k);
        }
    }

    private DMatrixRMaj columns(int from, int to) {
        // EJML's extract rejects an empty column range, so the empty block is built directly
        return from == to ? new DMatrixRMaj(vectors.numRows, 0)
                : CommonOps_DDRM.extract(vectors, 0, vectors.numRows, from, to);
    }

    /** Number of eigenvalues above {@code relTol * max(|lambda|)}. */
    public int rank(double relTol) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        int r = 0;
        for (double v : values) {
            if (v > relTol * max && max > 0) {
                r++;
            }
        }
        return r;
    }

    /** V f(Lambda) V^T for a function of the eigenvalues. */
    public DMatrixRMaj apply(java.util.function.DoubleUnaryOperator f) {
        int n = values.length;
        DMatrixRMaj vd = vectors.copy();
        for (int c = 0; c < n; c++) {
            double fv = f.applyAsDouble(values[c]);
            for (int i = 0; i < n; i++) {
                vd.set(i, c, vd.get(i, c) * fv);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(vd, vectors, out);
        return out;
    }
}
