package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.linalg.Mat;

/**
 * The permutation-invariant descriptor of the mixture: the centres relabelled in increasing order of their
 * projection on a fixed generic direction c, D(U) = (u_{(1)}, ..., u_{(K)}) in R^{Kd}. Near a U* whose projections are
 * distinct, D is the identity on the gauge-fixed chart, so the quotient (R^d)^K / S_K is locally flat (Appendix J.1):
 * section s = identity, tangent space R^{Kd} with the standard basis, retraction Omega + xi and exact log
 * other - Omega (both on the chart).
 */
public final class SortedCentresDescriptor implements DescriptorManifold {

    private final int k;
    private final int d;
    private final double[] direction;

    /**
     * @throws IllegalArgumentException if the direction has the wrong length or is zero
     */
    public SortedCentresDescriptor(int k, int d, double[] direction) {
        if (direction.length != d || Slopes.norm(direction) == 0) {
            throw new IllegalArgumentException("sorting direction must be a non-zero vector of length d=" + d);
        }
        this.k = k;
        this.d = d;
        this.direction = direction.clone();
    }

    /** A fixed generic direction: c_a = 1 + a / (10 d) (no two of beta e_i tie, and generic centres do not tie). */
    public static double[] defaultDirection(int d) {
        double[] c = new double[d];
        for (int a = 0; a < d; a++) {
            c[a] = 1 + a / (10.0 * d);
        }
        return c;
    }

    /** The permutation g (g[j] = position of centre j) that sorts the centres. */
    public int[] sortingPermutation(double[] u) {
        Integer[] idx = new Integer[k];
        double[] key = new double[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
            for (int a = 0; a < d; a++) {
                key[i] += direction[a] * u[i * d + a];
            }
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(key[x], key[y]));
        int[] g = new int[k];
        for (int pos = 0; pos < k; pos++) {
            g[idx[pos]] = pos;
        }
        return g;
    }

    @Override public int ambientDimension() { return k * d; }
    @Override public int dimension() { return k * d; }

    @Override
    public double[] descriptor(double[] w) {
        return PermutationGroup.actOn(sortingPermutation(w), w, k, d);
    }

    @Override public double[] section(double[] omega) { return omega.clone(); }
    @Override public DMatrixRMaj tangentBasis(double[] omega) { return Mat.identity(k * d); }
    @Override public double[] projectTangent(double[] omega, double[] v) { return v.clone(); }
    @Override public double[] retract(double[] omega, double[] xi) { return Slopes.axpy(omega, 1.0, xi); }
    @Override public double[] log(double[] omega, double[] other) { return Slopes.axpy(other, -1.0, omega); }
}
