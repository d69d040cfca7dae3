package twostage.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Small allocating helpers over EJML's in-place operations, so formulas read like the mathematics. */
public final class Mat {

    private Mat() {
    }

    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return mult(mult(a, b), c);
    }

    /** a^T b. */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, c);
        return c;
    }

    /** a b^T. */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, c);
        return c;
    }

    public static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, null);
    }

    public static DMatrixRMaj add(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, b, c);
        return c;
    }

    public static DMatrixRMaj sub(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, c);
        return c;
    }

    public static DMatrixRMaj scale(double s, DMatrixRMaj a) {
        DMatrixRMaj c = a.copy();
        CommonOps_DDRM.scale(s, c);
        return c;
    }

    public static DMatrixRMaj identity(int n) {
        return CommonOps_DDRM.identity(n);
    }

    public static double trace(DMatrixRMaj a) {
        return CommonOps_DDRM.trace(a);
    }

    public static double frob(DMatrixRMaj a) {
        return NormOps_DDRM.normF(a);
    }

    /** ||a - b||_F. */
    public static double dist(DMatrixRMaj a, DMatrixRMaj b) {
        return frob(sub(a, b));
    }

    /** Column vector from an array. */
    public static DMatrixRMaj col(double... v) {
        return new DMatrixRMaj(v.length, 1, true, v);
    }

    /** Frobenius inner product tr(a^T b). */
    public static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            s += a.get(i) * b.get(i);
        }
        return s;
    }

    /** Largest singular value (operator 2-norm). */
    public static double opNorm(DMatrixRMaj a) {
        return NormOps_DDRM.normP2(a);
    }

    /** Spectral condition number sigma_max / sigma_min over the nonzero singular values of a full-rank matrix. */
    public static double cond(DMatrixRMaj a) {
        return NormOps_DDRM.conditionP2(a);
    }
}
