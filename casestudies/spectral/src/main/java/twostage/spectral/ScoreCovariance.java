package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;

/**
 * Proposition H.11 (p. 81), formulas (H.15)-(H.18): the covariance of the score functionals
 * S_H(Z) = -2 X^T H X+ + 2 (X^T M X-)(X^T H X-) under joint Gaussianity, as printed:
 * <pre>
 *   Cov(S_H1, S_H2) = 4 [C_aa(H1,H2) - C_ab(H1,H2) - C_ab(H2,H1) + C_bb(H1,H2)]
 *   C_aa = tr(H1 S H2 S) + tr(H1 S+ H2 S+)
 *   C_ab(H1,H2) = tr(P2 S H1 S+) + tr(P2 S+ H1 S),                P_i = M S H_i
 *   C_bb = tr(P1 S) tr(P2 S) + 2 tr(P1 S P2 S) + tr(H1 S H2 S) tr(Q S) + 4 tr(H1 S H2 S Q S),  Q = M S M
 * </pre>
 * with S = Sigma_pre, S+ = SigmaPlusPre. The proof does not use that M is the minimiser, so any symmetric M may be
 * supplied. Also the printed (H.27) of Corollary H.14, the same bracket at H' = S^-1 H S^-1 without the factor 4.
 */
public final class ScoreCovariance {

    private final DMatrixRMaj s;
    private final DMatrixRMaj sp;
    private final DMatrixRMaj m;
    private final DMatrixRMaj sInv;

    private ScoreCovariance(DMatrixRMaj s, DMatrixRMaj sp, DMatrixRMaj m) {
        this.s = s;
        this.sp = sp;
        this.m = m;
        this.sInv = twostage.linalg.SymmetricEigen.of(s).apply(v -> 1 / v);
    }

    /** At the model's M*. */
    public static ScoreCovariance of(SpectralModel model) {
        return new ScoreCovariance(model.sigmaPre(), model.sigmaPlusPre(), model.mStar());
    }

    /** At an arbitrary symmetric M. */
    public static ScoreCovariance at(SpectralModel model, DMatrixRMaj m) {
        return new ScoreCovariance(model.sigmaPre(), model.sigmaPlusPre(), m.copy());
    }

    private static double tr(DMatrixRMaj... f) {
        DMatrixRMaj p = f[0];
        for (int i = 1; i < f.length; i++) {
            p = Mat.mult(p, f[i]);
        }
        return Mat.trace(p);
    }

    public double caa(DMatrixRMaj h1, DMatrixRMaj h2) {
        return tr(h1, s, h2, s) + tr(h1, sp, h2, sp);
    }

    public double cab(DMatrixRMaj h1, DMatrixRMaj h2) {
        DMatrixRMaj p2 = Mat.mult(m, s, h2);
        return tr(p2, s, h1, sp) + tr(p2, sp, h1, s);
    }

    public double cbb(DMatrixRMaj h1, DMatrixRMaj h2) {
        DMatrixRMaj p1 = Mat.mult(m, s, h1);
        DMatrixRMaj p2 = Mat.mult(m, s, h2);
        DMatrixRMaj q = Mat.mult(m, s, m);
        return tr(p1, s) * tr(p2, s) + 2 * tr(p1, s, p2, s) + tr(h1, s, h2, s) * tr(q, s) + 4 * tr(h1, s, h2, s, q, s);
    }

    /** The bracket C_aa - C_ab(H1,H2) - C_ab(H2,H1) + C_bb. */
    public double bracket(DMatrixRMaj h1, DMatrixRMaj h2) {
        return caa(h1, h2) - cab(h1, h2) - cab(h2, h1) + cbb(h1, h2);
    }

    /** (H.15): Cov(S_H1, S_H2) = 4 * bracket. */
    public double covariance(DMatrixRMaj h1, DMatrixRMaj h2) {
        return 4 * bracket(h1, h2);
    }

    /** The printed (H.27): &lt;H1, V* H2&gt; = bracket(S^-1 H1 S^-1, S^-1 H2 S^-1). */
    public double paperV(DMatrixRMaj h1, DMatrixRMaj h2) {
        return bracket(Mat.mult(sInv, h1, sInv), Mat.mult(sInv, h2, sInv));
    }

    /** The Gram matrix [f(e_a, e_b)] of a bilinear form on the columns of a basis (q x dim, flat d x d columns). */
    public static DMatrixRMaj gram(DMatrixRMaj basis, int d, java.util.function.BiFunction<DMatrixRMaj, DMatrixRMaj, Double> f) {
        int dim = basis.numCols;
        DMatrixRMaj[] e = new DMatrixRMaj[dim];
        for (int c = 0; c < dim; c++) {
            e[c] = new DMatrixRMaj(d, d);
            for (int r = 0; r < d * d; r++) {
                e[c].data[r] = basis.get(r, c);
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(dim, dim);
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                double v = f.apply(e[a], e[b]);
                g.set(a, b, v);
                g.set(b, a, v);
            }
        }
        return g;
    }
}
