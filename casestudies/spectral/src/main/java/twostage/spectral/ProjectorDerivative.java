package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * Lemma H.15 (p. 85), formula (H.33): the derivative of the top-k spectral projector Pi(B) at a symmetric B* with
 * eigenvalues lambda_1 >= ... >= lambda_d and lambda_k > lambda_{k+1}:
 * DPi(B*)[Bdot] = U2 (G / Delta) U1^T + U1 (G / Delta)^T U2^T, G = U2^T Bdot U1, Delta_ai = lambda_i - lambda_{k+a}.
 */
public final class ProjectorDerivative {

    private ProjectorDerivative() {
    }

    /** Pi(B): the projector onto the span of the top-k eigenvectors of B. */
    public static DMatrixRMaj projector(DMatrixRMaj b, int k) {
        DMatrixRMaj u = SymmetricEigen.of(b).leading(k);
        return Mat.multTransB(u, u);
    }

    /** (H.33) with the gap matrix Delta given by {@code gap}(lambda_i, lambda_{k+a}). */
    public static DMatrixRMaj derivative(DMatrixRMaj bStar, int k, DMatrixRMaj bdot) {
        return derivative(bStar, k, bdot, (li, lj) -> li - lj);
    }

    /** Gap function (lambda_i, lambda_{k+a}) -> Delta_ai; the lemma's is the difference (others: negative controls). */
    @FunctionalInterface
    public interface Gap {
        double of(double lambdaTop, double lambdaBottom);
    }

    public static DMatrixRMaj derivative(DMatrixRMaj bStar, int k, DMatrixRMaj bdot, Gap gap) {
        SymmetricEigen e = SymmetricEigen.of(bStar);
        int d = bStar.numRows;
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("need 1 <= k < d, got k=" + k + ", d=" + d);
        }
        double[] lam = e.values();
        if (!(lam[k - 1] > lam[k])) {
            throw new twostage.check.AssumptionViolation("eigengap lambda_k > lambda_{k+1}", "the projector derivative needs it, got "
                    + lam[k - 1] + " and " + lam[k]);
        }
        DMatrixRMaj u1 = e.leading(k);
        DMatrixRMaj u2 = e.trailing(k);
        DMatrixRMaj g = Mat.multTransA(u2, Mat.mult(bdot, u1));
        for (int a = 0; a < d - k; a++) {
            for (int i = 0; i < k; i++) {
                g.set(a, i, g.get(a, i) / gap.of(lam[i], lam[k + a]));
            }
        }
        DMatrixRMaj first = Mat.multTransB(Mat.mult(u2, g), u1);
        return Mat.add(first, Mat.transpose(first));
    }
}
