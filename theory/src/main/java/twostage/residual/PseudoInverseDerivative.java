package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * The derivative of the Moore-Penrose map on the set of symmetric PSD matrices of fixed rank r (Lemma G.13, eq. (G.4),
 * p. 60; CF5): for A of rank r and H tangent to the rank-r set,
 * D(A^+)[H] = -A^+ H A^+ + (A^+)^2 H (I - A A^+) + (I - A^+ A) H (A^+)^2.
 * Terms can be left out on purpose (negative controls).
 */
public final class PseudoInverseDerivative {

    private PseudoInverseDerivative() {
    }

    /** The full formula (G.4). */
    public static DMatrixRMaj of(DMatrixRMaj a, DMatrixRMaj h) {
        return of(a, h, true, true, true);
    }

    /**
     * (G.4) with the chosen terms.
     *
     * @throws IllegalArgumentException if A or H is not square and symmetric of the same size, or has NaN entries
     */
    public static DMatrixRMaj of(DMatrixRMaj a, DMatrixRMaj h, boolean first, boolean second, boolean third) {
        Checks.requireSymmetric("A", a, 1e-9);
        Checks.requireSymmetric("direction H", h, 1e-9);
        Checks.requireShape("direction H", h, a.numRows, a.numCols);
        Checks.requireFinite("direction H", h);
        DMatrixRMaj p = PseudoInverse.pinv(a);
        DMatrixRMaj p2 = Mat.mult(p, p);
        DMatrixRMaj comp = Mat.sub(Mat.identity(a.numRows), Mat.mult(a, p));
        DMatrixRMaj compT = Mat.sub(Mat.identity(a.numRows), Mat.mult(p, a));
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        if (first) {
            out = Mat.sub(out, Mat.mult(p, h, p));
        }
        if (second) {
            out = Mat.add(out, Mat.mult(p2, h, comp));
        }
        if (third) {
            out = Mat.add(out, Mat.mult(compT, h, p2));
        }
        return out;
    }
}
