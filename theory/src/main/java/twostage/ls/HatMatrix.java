package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * The hat matrix H = Phi (Phi^T Phi)^+ Phi^T = (1/n) Phi Sigma_n^+ Phi^T of a design (Section C.3, p. 29). By Lemma
 * C.4 it is the Euclidean orthogonal projector of R^n onto Im Phi.
 */
public final class HatMatrix {

    private final DMatrixRMaj h;

    private HatMatrix(DMatrixRMaj h) {
        this.h = h;
    }

    /** @param phi n x p design features (n, p >= 1, finite) */
    public static HatMatrix of(DMatrixRMaj phi) {
        MinNormOls.requireDesign(phi);
        DMatrixRMaj gram = Mat.multTransA(phi, phi);
        twostage.random.RandomMatrices.symmetrize(gram);
        DMatrixRMaj out = Mat.mult(phi, Mat.multTransB(PseudoInverse.pinv(gram), phi));
        return new HatMatrix(out);
    }

    /** H (a copy). */
    public DMatrixRMaj matrix() {
        return h.copy();
    }

    /** n. */
    public int size() {
        return h.numRows;
    }

    /** tr H. */
    public double trace() {
        return Mat.trace(h);
    }

    /** H v. */
    public double[] apply(double[] v) {
        if (v.length != h.numCols) {
            throw new IllegalArgumentException("vector must have length n=" + h.numCols + ", got " + v.length);
        }
        return Mat.mult(h, Mat.col(v)).getData().clone();
    }
}
