package twostage.properties;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.engine.Representation;
import twostage.linalg.Mat;

/** Deliberately broken objects for the negative controls of the symmetry properties. */
public final class PlantedErrors {

    private PlantedErrors() {
    }

    /**
     * psi'(x, w) = B psi(x, w) with B = I + 0.6 e_1 e_p^T + 0.4 I_11 (invertible, not orthogonal): equivariant only
     * through the non-orthogonal B rho(g) B^-1, which breaks the min-norm predictor's orbit invariance on
     * rank-deficient designs.
     */
    public static Representation skewed(Representation rep) {
        int p = rep.featureDimension();
        DMatrixRMaj b = Mat.identity(p);
        b.set(0, 0, 1.4);
        b.set(0, p - 1, b.get(0, p - 1) + 0.6);
        return new Representation() {
            @Override public int featureDimension() { return p; }
            @Override public DMatrixRMaj features(double[] w, DMatrixRMaj x) {
                return Mat.multTransB(rep.features(w, x), b);
            }
        };
    }

    /**
     * psi'(x, w) = psi(x, w) + c with a fixed offset c_j = 0.3 + 0.1 j. The entries are distinct on purpose: a constant
     * offset (0.7, ..., 0.7) is fixed by every permutation, so under S_K it would still be equivariant (the property
     * test found this on the mixture instance).
     */
    public static Representation offset(Representation rep) {
        int p = rep.featureDimension();
        return new Representation() {
            @Override public int featureDimension() { return p; }
            @Override public DMatrixRMaj features(double[] w, DMatrixRMaj x) {
                DMatrixRMaj f = rep.features(w, x).copy();
                for (int i = 0; i < f.numRows; i++) {
                    for (int j = 0; j < f.numCols; j++) {
                        f.set(i, j, f.get(i, j) + 0.3 + 0.1 * j);
                    }
                }
                return f;
            }
        };
    }

    /** A "descriptor" that is the representative itself: not constant on orbits of a non-trivial group. */
    public static DescriptorManifold identityDescriptor(DescriptorManifold real) {
        return new DescriptorManifold() {
            @Override public int ambientDimension() { return real.ambientDimension(); }
            @Override public int dimension() { return real.dimension(); }
            @Override public double[] descriptor(double[] w) { return w.clone(); }
            @Override public double[] section(double[] omega) { return omega.clone(); }
            @Override public DMatrixRMaj tangentBasis(double[] omega) { return real.tangentBasis(omega); }
            @Override public double[] projectTangent(double[] omega, double[] v) { return real.projectTangent(omega, v); }
            @Override public double[] retract(double[] omega, double[] xi) { return real.retract(omega, xi); }
            @Override public double[] log(double[] omega, double[] other) { return real.log(omega, other); }
        };
    }
}
