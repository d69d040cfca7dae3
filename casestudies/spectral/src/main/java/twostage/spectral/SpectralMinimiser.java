package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;

/**
 * Minimises a {@link QuarticObjective} over A in R^{k x d} by a saddle-free Newton method on the horizontal space:
 * the Hessian in A is projected off the O(k)-orbit directions {Omega A : Omega skew} (along which the objective is
 * constant), its eigenvalues are replaced by their absolute values (so every step is a descent direction, also away
 * from the minimiser, e.g. from random restarts), and an Armijo backtracking line search fixes the step.
 *
 * <p>Stopping rule and certificate: ||P_T grad_M F(A^T A)||_F &lt;= tol * max(1, ||S||_F), the Riemannian gradient
 * norm on M_{d,k} at the returned point (recorded in the {@link SpectralFit}).
 */
public final class SpectralMinimiser {

    /** Default relative tolerance of the Riemannian gradient norm. */
    public static final double DEFAULT_TOL = 1e-10;

    private final double relTol;
    private final int maxIterations;

    private SpectralMinimiser(double relTol, int maxIterations) {
        if (!(relTol > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + relTol);
        }
        this.relTol = relTol;
        this.maxIterations = maxIterations;
    }

    public static SpectralMinimiser standard() {
        return new SpectralMinimiser(DEFAULT_TOL, 300);
    }

    public static SpectralMinimiser withTolerance(double relTol, int maxIterations) {
        return new SpectralMinimiser(relTol, maxIterations);
    }

    public SpectralFit minimise(QuarticObjective f, DMatrixRMaj a0) {
        int k = a0.numRows;
        int d = a0.numCols;
        int q = k * d;
        double tol = relTol * Math.max(1, Mat.frob(f.linearStatistic()));
        DMatrixRMaj a = a0.copy();
        double value = f.valueA(a);
        double gn = Mat.frob(f.riemannianGradient(a));
        int it = 0;
        while (gn > tol && it < maxIterations) {
            it++;
            DMatrixRMaj grad = f.gradientA(a);
            DMatrixRMaj h = f.hessianA(a);
            DMatrixRMaj ph = horizontalProjector(a);
            DMatrixRMaj hh = Mat.mult(ph, h, ph);
            SpectralModel.symmetrise(hh);
            SymmetricEigen eh = SymmetricEigen.of(hh);
            double big = Math.max(Math.abs(eh.values()[0]), Math.abs(eh.values()[q - 1]));
            DMatrixRMaj g = new DMatrixRMaj(q, 1, true, grad.data);
            DMatrixRMaj gh = Mat.mult(ph, g);
            DMatrixRMaj step = new DMatrixRMaj(q, 1);
            for (int c = 0; c < q; c++) {
                double lam = eh.values()[c];
                if (Math.abs(lam) <= 1e-12 * big) {
                    continue;
                }
                double coef = 0;
                for (int r = 0; r < q; r++) {
                    coef += eh.vectors().get(r, c) * gh.data[r];
                }
                coef /= Math.abs(lam);
                for (int r = 0; r < q; r++) {
                    step.data[r] -= coef * eh.vectors().get(r, c);
                }
            }
            double slope = Mat.inner(step, g);
            if (!(slope < 0)) {
                // fall back to steepest descent on the horizontal space
                step = Mat.scale(-1, gh);
                slope = Mat.inner(step, g);
            }
            double t = 1;
            DMatrixRMaj trial = a.copy();
            CommonOps_DDRM.addEquals(trial, 1, new DMatrixRMaj(k, d, true, step.data));
            double tv = f.valueA(trial);
            double tg = Mat.frob(f.riemannianGradient(trial));
            if (tg < 0.5 * gn && tv <= value + 1e-8 * Math.max(1, Math.abs(value))) {
                // near the minimiser the objective's decrease is below round-off: accept a full Newton step that
                // halves the gradient norm (value not increased beyond round-off)
                a = trial;
                value = tv;
                gn = tg;
                continue;
            }
            for (int ls = 0; ls < 60; ls++) {
                trial = a.copy();
                CommonOps_DDRM.addEquals(trial, t, new DMatrixRMaj(k, d, true, step.data));
                tv = f.valueA(trial);
                if (tv <= value + 1e-4 * t * slope) {
                    break;
                }
                t *= 0.5;
            }
            if (!(tv <= value)) {
                break;
            }
            a = trial;
            value = tv;
            gn = Mat.frob(f.riemannianGradient(a));
        }
        return new SpectralFit(a, Mat.multTransA(a, a), value, gn, tol, it, gn <= tol);
    }

    /** I - V V^T with V an orthonormal basis of the orbit directions {Omega A : Omega skew k x k}. */
    static DMatrixRMaj horizontalProjector(DMatrixRMaj a) {
        int k = a.numRows;
        int d = a.numCols;
        int q = k * d;
        int nv = k * (k - 1) / 2;
        DMatrixRMaj id = Mat.identity(q);
        if (nv == 0) {
            return id;
        }
        DMatrixRMaj v = new DMatrixRMaj(q, nv);
        int c = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                DMatrixRMaj om = new DMatrixRMaj(k, k);
                om.set(i, j, 1);
                om.set(j, i, -1);
                DMatrixRMaj oa = Mat.mult(om, a);
                for (int r = 0; r < q; r++) {
                    v.set(r, c, oa.data[r]);
                }
                c++;
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(q, nv);
        if (!qr.decompose(v)) {
            throw new IllegalStateException("QR of orbit directions failed");
        }
        DMatrixRMaj qm = qr.getQ(null, true);
        CommonOps_DDRM.subtractEquals(id, Mat.multTransB(qm, qm));
        return id;
    }
}
