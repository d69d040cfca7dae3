package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.SymmetryGroup;
import twostage.random.Rng;

/**
 * S_K acting on centres by relabelling, (g.U)_i = u_{g^-1(i)} (Appendix J.1, p. 103), with rho(g) the block
 * permutation of R^{K(d+1)} that sends block j to block g(j), so psi_{g.U} = rho(g) psi_U. A permutation is an int[]
 * with g[j] the image of j.
 */
public final class PermutationGroup implements SymmetryGroup<int[]> {

    private final int k;
    private final int d;

    public PermutationGroup(int k, int d) {
        this.k = k;
        this.d = d;
    }

    @Override public int[] identity() {
        int[] g = new int[k];
        for (int i = 0; i < k; i++) {
            g[i] = i;
        }
        return g;
    }

    @Override public int[] compose(int[] a, int[] b) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = a[b[i]];
        }
        return c;
    }

    @Override public int[] inverse(int[] g) {
        int[] h = new int[k];
        for (int i = 0; i < k; i++) {
            h[g[i]] = i;
        }
        return h;
    }

    @Override public int[] random(Rng rng) {
        return randomPermutation(k, rng);
    }

    @Override public double[] act(int[] g, double[] w) {
        return actOn(g, w, k, d);
    }

    @Override public DMatrixRMaj rho(int[] g) {
        int b = d + 1;
        DMatrixRMaj r = new DMatrixRMaj(k * b, k * b);
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < b; a++) {
                r.set(g[j] * b + a, j * b + a, 1.0);
            }
        }
        return r;
    }

    static int[] randomPermutation(int k, Rng rng) {
        int[] g = new int[k];
        for (int i = 0; i < k; i++) {
            g[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(0, i);
            int t = g[i];
            g[i] = g[j];
            g[j] = t;
        }
        return g;
    }

    /** (g.U)_{g(j)} = u_j. */
    static double[] actOn(int[] g, double[] u, int k, int d) {
        double[] out = new double[k * d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(u, j * d, out, g[j] * d, d);
        }
        return out;
    }

    /** rho(g) v: block j moves to block g(j). */
    static double[] permuteBlocks(int[] g, double[] v, int k, int b) {
        double[] out = new double[k * b];
        for (int j = 0; j < k; j++) {
            System.arraycopy(v, j * b, out, g[j] * b, b);
        }
        return out;
    }
}
