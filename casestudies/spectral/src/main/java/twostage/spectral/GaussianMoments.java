package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;

/**
 * Exact fourth moments of centred Gaussian vectors by Isserlis' theorem (4-index enumeration), and the printed
 * formulas of Lemmas H.12-H.13 (p. 81).
 */
public final class GaussianMoments {

    private GaussianMoments() {
    }

    /** E[(U^T A V)(U^T B V)] = sum A_ij B_pq (E U_i V_j E U_p V_q + E U_i U_p E V_j V_q + E U_i V_q E U_p V_j). */
    public static double bilinearIsserlis(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj su, DMatrixRMaj sv, DMatrixRMaj suv) {
        int d = a.numRows;
        double s = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int p = 0; p < d; p++) {
                    for (int q = 0; q < d; q++) {
                        s += a.get(i, j) * b.get(p, q) * (suv.get(i, j) * suv.get(p, q) + su.get(i, p) * sv.get(j, q)
                                + suv.get(i, q) * suv.get(p, j));
                    }
                }
            }
        }
        return s;
    }

    /** E[U^T A V] = sum A_ij E[U_i V_j] = &lt;A, Sigma_UV&gt;. */
    public static double bilinearMean(DMatrixRMaj a, DMatrixRMaj suv) {
        return Mat.inner(a, suv);
    }

    /** (H.19) as printed: tr(A Suv) tr(B Suv) + tr(A Su B Sv) + tr(A Suv B^T Suv^T). */
    public static double bilinearPaper(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj su, DMatrixRMaj sv, DMatrixRMaj suv) {
        return Mat.trace(Mat.mult(a, suv)) * Mat.trace(Mat.mult(b, suv)) + Mat.trace(Mat.mult(Mat.mult(a, su), Mat.mult(b, sv)))
                + Mat.trace(Mat.mult(Mat.mult(a, suv), Mat.mult(Mat.transpose(b), Mat.transpose(suv))));
    }

    /** (H.20) as printed: tr(A Su B Sv) + tr(A Suv B^T Suv^T). */
    public static double bilinearCovPaper(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj su, DMatrixRMaj sv, DMatrixRMaj suv) {
        return Mat.trace(Mat.mult(Mat.mult(a, su), Mat.mult(b, sv)))
                + Mat.trace(Mat.mult(Mat.mult(a, suv), Mat.mult(Mat.transpose(b), Mat.transpose(suv))));
    }

    /** Our derivation for general A, B: &lt;A,Suv&gt;&lt;B,Suv&gt; + tr(A^T Su B Sv) + tr(A Suv^T B Suv^T). */
    public static double bilinearGeneral(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj su, DMatrixRMaj sv, DMatrixRMaj suv) {
        DMatrixRMaj suvT = Mat.transpose(suv);
        return Mat.inner(a, suv) * Mat.inner(b, suv) + Mat.trace(Mat.mult(Mat.multTransA(a, su), Mat.mult(b, sv)))
                + Mat.trace(Mat.mult(Mat.mult(a, suvT), Mat.mult(b, suvT)));
    }

    /** E[(U^T A U)(U^T B U)] by Isserlis. */
    public static double quadraticIsserlis(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj s) {
        return bilinearIsserlis(a, b, s, s, s);
    }

    /** (H.21) as printed: tr(A S) tr(B S) + tr(A S B S) + tr(A S B^T S). */
    public static double quadraticPaper(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj s) {
        return Mat.trace(Mat.mult(a, s)) * Mat.trace(Mat.mult(b, s)) + Mat.trace(Mat.mult(Mat.mult(a, s), Mat.mult(b, s)))
                + Mat.trace(Mat.mult(Mat.mult(a, s), Mat.mult(Mat.transpose(b), s)));
    }

    /** (H.22) as printed: tr(A S B S) + tr(A S B^T S). */
    public static double quadraticCovPaper(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj s) {
        return Mat.trace(Mat.mult(Mat.mult(a, s), Mat.mult(b, s)))
                + Mat.trace(Mat.mult(Mat.mult(a, s), Mat.mult(Mat.transpose(b), s)));
    }
}
