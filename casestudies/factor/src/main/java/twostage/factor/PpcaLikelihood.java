package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;

/**
 * The Gaussian negative log-likelihood of PPCA (Section 6.2 p. 10; (I.3) p. 94), up to an additive constant:
 * <pre>
 *   L(A; S) = (1/2) [ log det(I_d + A A^T) + tr(S (I_d + A A^T)^-1) ]
 * </pre>
 * with S = z z^T for the per-sample loss l(A; z), S = S_m for the empirical loss and S = Sigma_x for the population
 * loss. Derivatives in A (d x k), with Sigma := I + A A^T:
 * <pre>
 *   grad_A L = Sigma^-1 (Sigma - S) Sigma^-1 A
 *   D(grad_A L)[E] = Sigma^-1 E - Sigma^-1 S Sigma^-1 E - Sigma^-1 dS Sigma^-1 A + Sigma^-1 dS Sigma^-1 S Sigma^-1 A
 *                    + Sigma^-1 S Sigma^-1 dS Sigma^-1 A,      dS := E A^T + A E^T.
 * </pre>
 * Through M = A A^T: L(M; S) = (1/2)[log det(I + M) + tr(S (I + M)^-1)] with Euclidean gradient
 * (1/2)[(I+M)^-1 - (I+M)^-1 S (I+M)^-1] (Lemma I.3 (iii)).
 */
public final class PpcaLikelihood {

    private PpcaLikelihood() {
    }

    /** L(A; S). */
    public static double loss(DMatrixRMaj a, DMatrixRMaj s) {
        return lossM(Mat.multTransB(a, a), s);
    }

    /** L(M; S) for symmetric M with I + M positive definite. */
    public static double lossM(DMatrixRMaj m, DMatrixRMaj s) {
        Checks.requireFinite("M", m);
        Checks.requireFinite("S", s);
        DMatrixRMaj sig = Mat.add(Mat.identity(m.numRows), Linalg.sym(m));
        return 0.5 * (Linalg.logDetSpd(sig) + Mat.trace(Mat.mult(s, Linalg.spdInverse(sig))));
    }

    /** The Euclidean gradient of L(.; S) in M. */
    public static DMatrixRMaj gradientM(DMatrixRMaj m, DMatrixRMaj s) {
        DMatrixRMaj inv = Linalg.spdInverse(Mat.add(Mat.identity(m.numRows), Linalg.sym(m)));
        DMatrixRMaj g = Mat.scale(0.5, Mat.sub(inv, Mat.mult(inv, s, inv)));
        Linalg.symmetrize(g);
        return g;
    }

    /** grad_A L(A; S), d x k. */
    public static DMatrixRMaj gradient(DMatrixRMaj a, DMatrixRMaj s) {
        DMatrixRMaj inv = Linalg.spdInverse(Mat.add(Mat.identity(a.numRows), Mat.multTransB(a, a)));
        DMatrixRMaj sig = Mat.add(Mat.identity(a.numRows), Mat.multTransB(a, a));
        return Mat.mult(inv, Mat.mult(Mat.sub(sig, s), Mat.mult(inv, a)));
    }

    /** D(grad_A L)[E], d x k. */
    public static DMatrixRMaj hessianApply(DMatrixRMaj a, DMatrixRMaj s, DMatrixRMaj e) {
        int d = a.numRows;
        DMatrixRMaj inv = Linalg.spdInverse(Mat.add(Mat.identity(d), Mat.multTransB(a, a)));
        DMatrixRMaj ds = Mat.add(Mat.multTransB(e, a), Mat.multTransB(a, e));
        DMatrixRMaj invA = Mat.mult(inv, a);
        DMatrixRMaj invS = Mat.mult(inv, s);
        DMatrixRMaj invSinv = Mat.mult(invS, inv);
        DMatrixRMaj out = Mat.mult(inv, e);
        out = Mat.sub(out, Mat.mult(invSinv, e));
        out = Mat.sub(out, Mat.mult(inv, Mat.mult(ds, invA)));
        out = Mat.add(out, Mat.mult(inv, Mat.mult(ds, Mat.mult(invSinv, a))));
        out = Mat.add(out, Mat.mult(invSinv, Mat.mult(ds, invA)));
        return out;
    }

    /** The full Hessian in vec(A) (row-major flattening), dk x dk. */
    public static DMatrixRMaj hessian(DMatrixRMaj a, DMatrixRMaj s) {
        int d = a.numRows;
        int k = a.numCols;
        int q = d * k;
        DMatrixRMaj h = new DMatrixRMaj(q, q);
        for (int c = 0; c < q; c++) {
            DMatrixRMaj e = new DMatrixRMaj(d, k);
            e.set(c, 1.0);
            DMatrixRMaj col = hessianApply(a, s, e);
            for (int r = 0; r < q; r++) {
                h.set(r, c, col.get(r));
            }
        }
        Linalg.symmetrize(h);
        return h;
    }
}
