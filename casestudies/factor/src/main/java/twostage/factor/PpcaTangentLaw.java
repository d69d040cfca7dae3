package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.geometry.FixedRankPsdGeometry;
import twostage.linalg.Mat;

/**
 * Closed forms for the pre-training CLT of the PPCA estimator at M* in the orthonormal tangent basis E of
 * T_{M*} M_{d,k} (columns E_a as d x d matrices), with Sigma = Sigma_x:
 * <ul>
 *   <li>{@link #hessian()}: the printed quadratic form of Lemma I.3 (iv), H_ab = (1/2) tr(Sigma^-1 E_a Sigma^-1 E_b);</li>
 *   <li>{@link #scoreCovariance()}: Cov of the projected score <grad l(M*; x), E_a> with
 *       grad l = (1/2)[Sigma^-1 - Sigma^-1 x x^T Sigma^-1]; Isserlis gives (1/2) tr(Sigma^-1 E_a Sigma^-1 E_b),
 *       equal to H (well-specified MLE);</li>
 *   <li>{@link #sandwich()}: V = H^-1 Sigma* H^-1;</li>
 *   <li>{@link #covarianceOfI7(boolean)}: Cov of Z from (I.7)-(I.9) as printed, Z = P G + G P - P G P with
 *       G = (1/sqrt2) Sigma^1/2 (W + W^T) Sigma^1/2, computed as K K^T for the linear map K from the d^2
 *       i.i.d. N(0,1) entries of W to the tangent coordinates of Z. With {@code dropCorrection} the -P G P term is
 *       omitted (a planted error).</li>
 * </ul>
 */
public final class PpcaTangentLaw {

    private final FactorModel model;
    private final DMatrixRMaj basis;
    private final int d;
    private final int dim;

    private PpcaTangentLaw(FactorModel model) {
        this.model = model;
        this.d = model.d();
        FixedRankPsdGeometry geo = FixedRankPsdGeometry.of(d, model.k());
        this.basis = geo.tangentBasis(Linalg.flat(model.mStar()));
        this.dim = basis.numCols;
    }

    public static PpcaTangentLaw of(FactorModel model) {
        return new PpcaTangentLaw(model);
    }

    /** The orthonormal tangent basis (d^2 x dim). */
    public DMatrixRMaj basis() {
        return basis.copy();
    }

    public int dimension() {
        return dim;
    }

    DMatrixRMaj element(int a) {
        DMatrixRMaj e = new DMatrixRMaj(d, d);
        for (int r = 0; r < d * d; r++) {
            e.set(r, basis.get(r, a));
        }
        return e;
    }

    /** Tangent coordinates E^T vec(X) of a d x d matrix. */
    public double[] coordinates(DMatrixRMaj x) {
        double[] z = new double[dim];
        for (int a = 0; a < dim; a++) {
            double s = 0;
            for (int r = 0; r < d * d; r++) {
                s += basis.get(r, a) * x.get(r);
            }
            z[a] = s;
        }
        return z;
    }

    public DMatrixRMaj hessian() {
        DMatrixRMaj si = model.sigmaXInverse();
        return gram((ea, eb) -> 0.5 * Mat.trace(Mat.mult(si, ea, Mat.mult(si, eb))));
    }

    public DMatrixRMaj scoreCovariance() {
        // Cov(x^T A x, x^T B x) = 2 tr(A Sigma B Sigma) for symmetric A, B and x ~ N(0, Sigma);
        // <grad l, E> = (1/2)[tr(Sigma^-1 E) - x^T Sigma^-1 E Sigma^-1 x]
        DMatrixRMaj si = model.sigmaXInverse();
        DMatrixRMaj sx = model.sigmaX();
        return gram((ea, eb) -> 0.25 * 2 * Mat.trace(Mat.mult(Mat.mult(si, ea, si), sx, Mat.mult(Mat.mult(si, eb, si), sx))));
    }

    public DMatrixRMaj sandwich() {
        DMatrixRMaj hi = Linalg.spdInverse(hessian());
        DMatrixRMaj v = Mat.mult(hi, scoreCovariance(), hi);
        Linalg.symmetrize(v);
        return v;
    }

    public DMatrixRMaj covarianceOfI7(boolean dropCorrection) {
        DMatrixRMaj half = Linalg.apply(model.sigmaX(), Math::sqrt);
        DMatrixRMaj p = Mat.multTransB(model.u1(), model.u1());
        DMatrixRMaj k = new DMatrixRMaj(dim, d * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                DMatrixRMaj w = new DMatrixRMaj(d, d);
                w.add(i, j, 1.0);
                w.add(j, i, 1.0);
                DMatrixRMaj g = Mat.scale(1 / Math.sqrt(2), Mat.mult(half, w, half));
                DMatrixRMaj z = Mat.add(Mat.mult(p, g), Mat.mult(g, p));
                if (!dropCorrection) {
                    z = Mat.sub(z, Mat.mult(p, g, p));
                }
                double[] c = coordinates(z);
                for (int a = 0; a < dim; a++) {
                    k.set(a, i * d + j, c[a]);
                }
            }
        }
        DMatrixRMaj cov = Mat.multTransB(k, k);
        Linalg.symmetrize(cov);
        return cov;
    }

    private DMatrixRMaj gram(java.util.function.BiFunction<DMatrixRMaj, DMatrixRMaj, Double> f) {
        DMatrixRMaj out = new DMatrixRMaj(dim, dim);
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                double v = f.apply(element(a), element(b));
                out.set(a, b, v);
                out.set(b, a, v);
            }
        }
        return out;
    }
}
