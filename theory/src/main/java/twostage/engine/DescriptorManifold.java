package twostage.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * An orbit-invariant descriptor Omega = D(w) in R^q whose image near w* is an embedded submanifold M with the
 * Euclidean (Frobenius) metric of R^q, together with a smooth local section s: M to R^{q0} with D(s(Omega)) = Omega
 * (Appendix E). Points and tangent vectors are flat arrays of length q (matrices in row-major order).
 */
public interface DescriptorManifold {

    /** q, the dimension of the ambient space of descriptors. */
    int ambientDimension();

    /** dim M. */
    int dimension();

    /** D(w). */
    double[] descriptor(double[] w);

    /** s(Omega), a representative with D(s(Omega)) = Omega, smooth near Omega*. */
    double[] section(double[] omega);

    /** An orthonormal basis of T_Omega M as the columns of a q x dim M matrix. */
    DMatrixRMaj tangentBasis(double[] omega);

    /** The orthogonal projection of an ambient vector onto T_Omega M. */
    double[] projectTangent(double[] omega, double[] v);

    /** A retraction R_Omega(xi) for a tangent xi (first-order agreement with the exponential map at least). */
    double[] retract(double[] omega, double[] xi);

    /**
     * The Riemannian logarithm log_Omega(other), or a first-order proxy (such as P_T(other - Omega)) whose error is
     * O(||other - Omega||^2); implementations say which.
     */
    double[] log(double[] omega, double[] other);
}
