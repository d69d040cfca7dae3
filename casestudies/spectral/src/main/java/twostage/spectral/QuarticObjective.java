package twostage.spectral;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Mat;

/**
 * A spectral objective in the sufficient-statistic form F(M) = -2 &lt;M, S&gt; + vec(M)^T T vec(M) on symmetric M
 * (row-major vec), pulled back to A by M = A^T A.
 * <ul>
 *   <li>Population loss (H.2): S = Sigma+, T = Sigma (x) Sigma, since vec(M)^T (Sigma (x) Sigma) vec(M) = tr((M Sigma)^2).</li>
 *   <li>Empirical loss: S = (1/m) sum sym(x_j x+_j^T), T = (1/m) sum u_j u_j^T with u_j = vec(x_j x-_j^T), since
 *       u_j^T vec(M) = x_j^T M x-_j. This is exactly (1/m) sum l(M; z_j), not the population formula at sample moments.</li>
 * </ul>
 */
public final class QuarticObjective {

    private final int d;
    private final DMatrixRMaj s;
    private final DMatrixRMaj t;

    private QuarticObjective(DMatrixRMaj s, DMatrixRMaj t) {
        this.d = s.numRows;
        this.s = s;
        this.t = t;
    }

    /** F for given statistics (S symmetric d x d, T symmetric d^2 x d^2); used for instances the model validator rejects. */
    static QuarticObjective of(DMatrixRMaj s, DMatrixRMaj t) {
        return new QuarticObjective(s.copy(), t.copy());
    }

    /** The population loss (H.2) of a model. */
    public static QuarticObjective population(SpectralModel model) {
        DMatrixRMaj sig = model.sigmaPre();
        int d = model.d();
        DMatrixRMaj t = new DMatrixRMaj(d * d, d * d);
        CommonOps_DDRM.kron(sig, sig, t);
        return new QuarticObjective(model.sigmaPlusPre(), t);
    }

    /** The empirical loss of the triples in the rows of {@code z} (m x 3d): one pass over the data. */
    public static QuarticObjective empirical(DMatrixRMaj z) {
        int m = z.numRows;
        int d = z.numCols / 3;
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        DMatrixRMaj u = new DMatrixRMaj(m, d * d);
        for (int j = 0; j < m; j++) {
            int o = j * 3 * d;
            for (int a = 0; a < d; a++) {
                double xa = z.data[o + a];
                for (int b = 0; b < d; b++) {
                    s.data[a * d + b] += xa * z.data[o + d + b];
                    u.data[j * d * d + a * d + b] = xa * z.data[o + 2 * d + b];
                }
            }
        }
        DMatrixRMaj sym = Mat.scale(0.5 / m, Mat.add(s, Mat.transpose(s)));
        DMatrixRMaj t = new DMatrixRMaj(d * d, d * d);
        CommonOps_DDRM.multTransA(u, u, t);
        CommonOps_DDRM.scale(1.0 / m, t);
        return new QuarticObjective(sym, t);
    }

    public int d() { return d; }
    /** The linear-term statistic S. */
    public DMatrixRMaj linearStatistic() { return s.copy(); }
    /** The quartic-term statistic T (d^2 x d^2). */
    public DMatrixRMaj quarticStatistic() { return t.copy(); }

    private DMatrixRMaj tApply(DMatrixRMaj m) {
        DMatrixRMaj v = new DMatrixRMaj(d * d, 1, true, m.data);
        DMatrixRMaj r = new DMatrixRMaj(d * d, 1);
        CommonOps_DDRM.mult(t, v, r);
        return new DMatrixRMaj(d, d, true, r.data);
    }

    public double value(DMatrixRMaj m) {
        return -2 * Mat.inner(m, s) + Mat.inner(m, tApply(m));
    }

    /** Symmetric Euclidean gradient in M: -2 S + 2 sym(mat(T vec M)). */
    public DMatrixRMaj gradient(DMatrixRMaj m) {
        DMatrixRMaj tm = tApply(m);
        DMatrixRMaj g = Mat.add(tm, Mat.transpose(tm));
        CommonOps_DDRM.addEquals(g, -2, s);
        return g;
    }

    /** Euclidean Hessian in M applied to symmetric H: 2 sym(mat(T vec H)). */
    public DMatrixRMaj hessian(DMatrixRMaj h) {
        DMatrixRMaj th = tApply(h);
        return Mat.add(th, Mat.transpose(th));
    }

    public double valueA(DMatrixRMaj a) {
        return value(Mat.multTransA(a, a));
    }

    /** grad_A F(A^T A) = 2 A grad_M F. */
    public DMatrixRMaj gradientA(DMatrixRMaj a) {
        return Mat.scale(2, Mat.mult(a, gradient(Mat.multTransA(a, a))));
    }

    public DMatrixRMaj hessianA(DMatrixRMaj a) {
        return hessianInA(a, gradient(Mat.multTransA(a, a)), this::hessian);
    }

    /**
     * The Hessian in A (kd x kd, row-major flattening) of F(A^T A), given the M-gradient g at A^T A and the M-Hessian
     * map: D(grad_A)[E] = 2 E g + 2 A Hess_M[E^T A + A^T E].
     */
    static DMatrixRMaj hessianInA(DMatrixRMaj a, DMatrixRMaj g, UnaryOperator<DMatrixRMaj> hessM) {
        int k = a.numRows;
        int d = a.numCols;
        int q = k * d;
        DMatrixRMaj h = new DMatrixRMaj(q, q);
        for (int c = 0; c < q; c++) {
            DMatrixRMaj e = new DMatrixRMaj(k, d);
            e.data[c] = 1;
            DMatrixRMaj dm = Mat.add(Mat.multTransA(e, a), Mat.multTransA(a, e));
            DMatrixRMaj col = Mat.add(Mat.scale(2, Mat.mult(e, g)), Mat.scale(2, Mat.mult(a, hessM.apply(dm))));
            for (int r = 0; r < q; r++) {
                h.set(r, c, col.data[r]);
            }
        }
        SpectralModel.symmetrise(h);
        return h;
    }

    /**
     * The Riemannian gradient of F on M_{d,k} at M = A^T A: P_T(grad F) with P_T(X) = P X + X P - P X P and
     * P the projector onto the row space of A.
     */
    public DMatrixRMaj riemannianGradient(DMatrixRMaj a) {
        DMatrixRMaj g = gradient(Mat.multTransA(a, a));
        DMatrixRMaj aat = Mat.multTransB(a, a);
        DMatrixRMaj inv = new DMatrixRMaj(aat.numRows, aat.numCols);
        CommonOps_DDRM.invert(aat, inv);
        DMatrixRMaj p = Mat.multTransA(a, Mat.mult(inv, a));
        DMatrixRMaj pg = Mat.mult(p, g);
        DMatrixRMaj out = Mat.add(pg, Mat.transpose(pg));
        CommonOps_DDRM.subtractEquals(out, Mat.mult(pg, p));
        return out;
    }
}
