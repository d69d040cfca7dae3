package twostage.geometry;

import twostage.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;

/**
 * The unit sphere S^{q-1} in R^q with the induced metric. The exponential and logarithm are exact:
 * exp_O(v) = cos(|v|) O + sin(|v|) v/|v|, and log_O(P) = theta u/|u| with u = P - <P,O> O and
 * theta = atan2(|u|, <P,O>) (the angle, computed stably near 0), defined for P != -O.
 *
 * <p>As a descriptor manifold: D(w) = w/|w| (invariant under positive scaling), s(O) = O.
 */
public final class SphereManifold implements DescriptorManifold {

    /** Tolerance on |O| - 1 for a point of the sphere. */
    public static final double UNIT_TOL = 1e-10;

    private final int q;

    private SphereManifold(int q) {
        this.q = q;
    }

    /** @throws IllegalArgumentException unless q >= 2 */
    public static SphereManifold of(int q) {
        if (q < 2) {
            throw new IllegalArgumentException("the sphere S^{q-1} needs ambient dimension q >= 2, got q=" + q);
        }
        return new SphereManifold(q);
    }

    @Override
    public int ambientDimension() {
        return q;
    }

    @Override
    public int dimension() {
        return q - 1;
    }

    @Override
    public double[] descriptor(double[] w) {
        vector("w", w);
        double n = Vectors.norm(w);
        if (!(n > 0)) {
            throw new IllegalArgumentException("the direction descriptor w/|w| needs w != 0");
        }
        return Vectors.scale(1 / n, w);
    }

    @Override
    public double[] section(double[] omega) {
        return point(omega).clone();
    }

    /** An orthonormal basis of O^perp: the columns other than j of the Householder reflection exchanging e_j and -s O. */
    @Override
    public DMatrixRMaj tangentBasis(double[] omega) {
        point(omega);
        int j = 0;
        for (int i = 1; i < q; i++) {
            if (Math.abs(omega[i]) > Math.abs(omega[j])) {
                j = i;
            }
        }
        // H = I - 2 v v^T / |v|^2 with v = O + s e_j, s = sign(O_j) (so |v| >= 1): H is a symmetric orthogonal
        // involution with H O = -s e_j, hence H e_j = -s O and the other columns span O^perp
        double s = omega[j] >= 0 ? 1 : -1;
        double[] v = omega.clone();
        v[j] += s;
        double vv = Vectors.dot(v, v);
        DMatrixRMaj b = new DMatrixRMaj(q, q - 1);
        int c = 0;
        for (int col = 0; col < q; col++) {
            if (col == j) {
                continue;
            }
            for (int r = 0; r < q; r++) {
                b.set(r, c, (r == col ? 1 : 0) - 2 * v[r] * v[col] / vv);
            }
            c++;
        }
        return b;
    }

    /** v - <v, O> O. */
    @Override
    public double[] projectTangent(double[] omega, double[] v) {
        point(omega);
        vector("v", v);
        return Vectors.axpy(-Vectors.dot(v, omega), omega, v);
    }

    /** The exact exponential map (a tangent v is required; its normal component is removed first). */
    @Override
    public double[] retract(double[] omega, double[] xi) {
        return exp(omega, xi);
    }

    /** exp_O(v) = cos(|v|) O + sin(|v|) v / |v| for the tangent part of v. */
    public double[] exp(double[] omega, double[] v) {
        double[] t = projectTangent(omega, v);
        double n = Vectors.norm(t);
        if (n == 0) {
            return omega.clone();
        }
        double[] out = Vectors.axpy(Math.sin(n) / n, t, Vectors.scale(Math.cos(n), omega));
        return Vectors.scale(1 / Vectors.norm(out), out);
    }

    /** The exact Riemannian logarithm. */
    @Override
    public double[] log(double[] omega, double[] other) {
        point(omega);
        point(other);
        double c = Vectors.dot(omega, other);
        double[] u = Vectors.axpy(-c, omega, other);
        double un = Vectors.norm(u);
        if (un == 0) {
            if (c > 0) {
                return new double[q];
            }
            throw new IllegalArgumentException("log on the sphere is undefined at the antipode (angle pi)");
        }
        double theta = Math.atan2(un, c);
        if (Math.PI - theta < 1e-12) {
            throw new IllegalArgumentException("log on the sphere is undefined at the antipode (angle " + theta + ")");
        }
        return Vectors.scale(theta / un, u);
    }

    /** The geodesic distance (angle) between two points. */
    public double distance(double[] a, double[] b) {
        point(a);
        point(b);
        double c = Vectors.dot(a, b);
        return Math.atan2(Vectors.norm(Vectors.axpy(-c, a, b)), c);
    }

    /**
     * The Riemannian Hessian of a function on the sphere as a q x q operator on T_O (zero on the normal line):
     * P_T E P_T - <O, g> P_T, where g and E are the Euclidean gradient and Hessian of any smooth extension (the
     * second term is the Weingarten correction; it is what makes the Hessian intrinsic).
     */
    public DMatrixRMaj riemannianHessian(double[] omega, double[] euclideanGradient, DMatrixRMaj euclideanHessian) {
        point(omega);
        vector("Euclidean gradient", euclideanGradient);
        Checks.requireShape("Euclidean Hessian", euclideanHessian, q, q);
        DMatrixRMaj pt = tangentProjector(omega);
        DMatrixRMaj h = Mat.mult(pt, euclideanHessian, pt);
        CommonOps_DDRM.addEquals(h, -Vectors.dot(omega, euclideanGradient), pt);
        RandomMatrices.symmetrize(h);
        return h;
    }

    /** P_T = I - O O^T. */
    public DMatrixRMaj tangentProjector(double[] omega) {
        point(omega);
        DMatrixRMaj pt = Mat.identity(q);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                pt.add(i, j, -omega[i] * omega[j]);
            }
        }
        return pt;
    }

    /**
     * Parallel transport back to O along the geodesic t -> exp_O(t v), t in [0, 1]: a vector w tangent at exp_O(v)
     * is mapped to T_O. The geodesic's unit velocity e(1) = -sin|v| O + cos|v| e goes back to e = v/|v|; the part of
     * w orthogonal to the plane span(O, e) is unchanged.
     */
    public double[] transportBack(double[] omega, double[] v, double[] w) {
        double[] t = projectTangent(omega, v);
        vector("w", w);
        double n = Vectors.norm(t);
        if (n == 0) {
            return w.clone();
        }
        double[] e = Vectors.scale(1 / n, t);
        double[] e1 = Vectors.axpy(Math.cos(n), e, Vectors.scale(-Math.sin(n), omega));
        double a = Vectors.dot(w, e1);
        return Vectors.axpy(a, e, Vectors.axpy(-a, e1, w));
    }

    private double[] point(double[] omega) {
        vector("point of the sphere", omega);
        double n = Vectors.norm(omega);
        if (Math.abs(n - 1) > UNIT_TOL) {
            throw new IllegalArgumentException("a point of the sphere must have unit norm, got |O| = " + n);
        }
        return omega;
    }

    private void vector(String what, double[] v) {
        if (v == null || v.length != q) {
            throw new IllegalArgumentException(what + " must have length q=" + q + ", got "
                    + (v == null ? "null" : v.length));
        }
        Checks.requireFinite(what, v);
    }

    @Override
    public String toString() {
        return "S^" + (q - 1);
    }
}
