package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;

/**
 * The identity descriptor D(w) = w on M = R^q (an open subset, flat): section s = identity, tangent space R^q with the
 * standard basis, retraction Omega + xi and exact logarithm other - Omega. For instances without a symmetry.
 */
public final class EuclideanDescriptor implements DescriptorManifold {

    private final int dimension;

    public EuclideanDescriptor(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("manifold dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
    }

    @Override public int ambientDimension() { return dimension; }
    @Override public int dimension() { return dimension; }
    @Override public double[] descriptor(double[] w) { return check(w).clone(); }
    @Override public double[] section(double[] omega) { return check(omega).clone(); }
    @Override public DMatrixRMaj tangentBasis(double[] omega) { return Mat.identity(dimension); }
    @Override public double[] projectTangent(double[] omega, double[] v) { return check(v).clone(); }

    @Override
    public double[] retract(double[] omega, double[] xi) {
        check(omega);
        check(xi);
        double[] r = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            r[i] = omega[i] + xi[i];
        }
        return r;
    }

    /** Exact: other - Omega. */
    @Override
    public double[] log(double[] omega, double[] other) {
        check(omega);
        check(other);
        double[] r = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            r[i] = other[i] - omega[i];
        }
        return r;
    }

    private double[] check(double[] v) {
        if (v.length != dimension) {
            throw new IllegalArgumentException("expected a vector of length " + dimension + ", got " + v.length);
        }
        return v;
    }
}
