package twostage.geometry;

import twostage.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.linalg.Checks;
import twostage.linalg.Mat;

/**
 * R^q as a flat descriptor manifold, for problems without symmetry: D and s are the identity, every vector is
 * tangent, the tangent basis is the identity, retract(O, xi) = O + xi and log(O, P) = P - O (exact).
 */
public final class EuclideanManifold implements DescriptorManifold {

    private final int q;

    private EuclideanManifold(int q) {
        this.q = q;
    }

    /** @throws IllegalArgumentException unless q >= 1 */
    public static EuclideanManifold of(int q) {
        if (q < 1) {
            throw new IllegalArgumentException("R^q needs q >= 1, got q=" + q);
        }
        return new EuclideanManifold(q);
    }

    @Override
    public int ambientDimension() {
        return q;
    }

    @Override
    public int dimension() {
        return q;
    }

    @Override
    public double[] descriptor(double[] w) {
        return vector("w", w).clone();
    }

    @Override
    public double[] section(double[] omega) {
        return vector("point", omega).clone();
    }

    @Override
    public DMatrixRMaj tangentBasis(double[] omega) {
        vector("point", omega);
        return Mat.identity(q);
    }

    @Override
    public double[] projectTangent(double[] omega, double[] v) {
        vector("point", omega);
        return vector("v", v).clone();
    }

    @Override
    public double[] retract(double[] omega, double[] xi) {
        return Vectors.axpy(1, vector("xi", xi), vector("point", omega));
    }

    @Override
    public double[] log(double[] omega, double[] other) {
        return Vectors.sub(vector("other", other), vector("point", omega));
    }

    private double[] vector(String what, double[] v) {
        if (v == null || v.length != q) {
            throw new IllegalArgumentException(what + " must have length q=" + q + ", got "
                    + (v == null ? "null" : v.length));
        }
        Checks.requireFinite(what, v);
        return v;
    }

    @Override
    public String toString() {
        return "R^" + q;
    }
}
