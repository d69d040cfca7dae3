package twostage.quotient;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;

/**
 * A smooth curve in M_{d,k} through M = A^T A: M(t) = (A + t Adot)^T (A + t Adot), with velocity
 * Mdot = Adot^T A + A^T Adot at t = 0 (tangent to M_{d,k}; rank stays k for small t).
 *
 * @param a    the representative A (k x d)
 * @param adot the direction Adot (k x d)
 */
public record TangentCurve(DMatrixRMaj a, DMatrixRMaj adot) {

    public DMatrixRMaj at(double t) {
        DMatrixRMaj at = Mat.add(a, Mat.scale(t, adot));
        DMatrixRMaj m = Mat.multTransA(at, at);
        LinearOrthogonalModel.symmetrize(m);
        return m;
    }

    public DMatrixRMaj velocity() {
        DMatrixRMaj v = Mat.add(Mat.multTransA(adot, a), Mat.multTransA(a, adot));
        LinearOrthogonalModel.symmetrize(v);
        return v;
    }
}
