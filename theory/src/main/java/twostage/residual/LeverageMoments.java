package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * Leverage-weighted moments of Appendix G.3 for one feature operator F (D x p) and a function e (D x 1):
 * q(x) = phi(x)^T Sigma^+ phi(x) (G.1), Sigma_e = E[e^2 phi phi^T] and E[e^2 q] = tr(Sigma^+ Sigma_e) (Lemma G.21).
 * <ul>
 *   <li>G-LIN: exact finite sums over the support;</li>
 *   <li>G-GAUSS: E[(u^T x)^2 x^T K x] = (u^T S u) tr(K S) + 2 u^T S K S u by Isserlis' theorem, S = Sigma_x,
 *   K = B Sigma^+ B^T (derived).</li>
 * </ul>
 */
public final class LeverageMoments {

    private LeverageMoments() {
    }

    /** Leverages q_s at the support points (G-LIN; F is N x p). */
    public static double[] leverages(FunctionSpace space, DMatrixRMaj f) {
        DMatrixRMaj sp = PseudoInverse.pinv(space.gram(f, f));
        double[] q = new double[f.numRows];
        DMatrixRMaj fs = Mat.mult(f, sp);
        for (int s = 0; s < f.numRows; s++) {
            double v = 0;
            for (int j = 0; j < f.numCols; j++) {
                v += fs.get(s, j) * f.get(s, j);
            }
            q[s] = v;
        }
        return q;
    }

    /** E[e^2 q^power] on a finite support (weights = diagonal of the Gram). */
    public static double finiteSupport(FunctionSpace space, DMatrixRMaj f, DMatrixRMaj e, double power) {
        double[] q = leverages(space, f);
        DMatrixRMaj g = space.gram();
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            s += g.get(i, i) * e.get(i) * e.get(i) * Math.pow(Math.max(q[i], 0), power);
        }
        return s;
    }

    /** tr(Sigma^+ Sigma_e) with Sigma_e = E[e^2 phi phi^T] on a finite support. */
    public static double whitenedSignalTrace(FunctionSpace space, DMatrixRMaj f, DMatrixRMaj e) {
        DMatrixRMaj g = space.gram();
        DMatrixRMaj we = new DMatrixRMaj(g.numRows, g.numCols);
        for (int i = 0; i < g.numRows; i++) {
            we.set(i, i, g.get(i, i) * e.get(i) * e.get(i));
        }
        DMatrixRMaj sigmaE = Mat.multTransA(f, Mat.mult(we, f));
        return Mat.trace(Mat.mult(PseudoInverse.pinv(space.gram(f, f)), sigmaE));
    }

    /** E[e^2 q] for Gaussian linear features (space = G-GAUSS with Gram Sigma_x, B d x p, e d x 1), by Isserlis. */
    public static double gaussian(FunctionSpace space, DMatrixRMaj b, DMatrixRMaj e) {
        DMatrixRMaj s = space.gram();
        DMatrixRMaj k = Mat.mult(b, PseudoInverse.pinv(space.gram(b, b)), Mat.transpose(b));
        double ee = Mat.multTransA(e, Mat.mult(s, e)).get(0, 0);
        DMatrixRMaj se = Mat.mult(s, e);
        return ee * Mat.trace(Mat.mult(k, s)) + 2 * Mat.multTransA(se, Mat.mult(k, se)).get(0, 0);
    }
}
