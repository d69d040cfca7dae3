package twostage.gmm;

/**
 * Label alignment of an estimate to the truth: the permutation g minimising sum_i ||u_hat_{g(i)} - u*_i||^2,
 * found by exhaustive search for K <= 8 and by the Hungarian-free greedy rule (closest remaining pair first)
 * for larger K. After alignment the S_K quotient is flat (Section 6.3), so log_{U*}(U_hat) = aligned U_hat - U*.
 */
public final class LabelAlignment {

    private LabelAlignment() {
    }

    /** The permutation g (g[i] = index of the estimated centre matched to true centre i). */
    public static int[] permutation(int k, int d, double[] estimate, double[] truth) {
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double t = estimate[j * d + a] - truth[i * d + a];
                    s += t * t;
                }
                c[i][j] = s;
            }
        }
        if (k <= 8) {
            int[] best = new int[k];
            double[] bestCost = {Double.POSITIVE_INFINITY};
            int[] perm = new int[k];
            boolean[] used = new boolean[k];
            search(c, 0, 0.0, perm, used, best, bestCost);
            return best;
        }
        int[] g = new int[k];
        boolean[] rowDone = new boolean[k];
        boolean[] colDone = new boolean[k];
        for (int step = 0; step < k; step++) {
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (!rowDone[i] && !colDone[j] && (bi < 0 || c[i][j] < c[bi][bj])) {
                        bi = i;
                        bj = j;
                    }
                }
            }
            g[bi] = bj;
            rowDone[bi] = true;
            colDone[bj] = true;
        }
        return g;
    }

    private static void search(double[][] c, int i, double cost, int[] perm, boolean[] used, int[] best,
                               double[] bestCost) {
        if (cost >= bestCost[0]) {
            return;
        }
        int k = c.length;
        if (i == k) {
            bestCost[0] = cost;
            System.arraycopy(perm, 0, best, 0, k);
            return;
        }
        for (int j = 0; j < k; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[i] = j;
                search(c, i + 1, cost + c[i][j], perm, used, best, bestCost);
                used[j] = false;
            }
        }
    }

    /** The estimate relabelled so that its centre i is matched to true centre i. */
    public static double[] align(int k, int d, double[] estimate, double[] truth) {
        int[] g = permutation(k, d, estimate, truth);
        double[] out = new double[k * d];
        for (int i = 0; i < k; i++) {
            System.arraycopy(estimate, g[i] * d, out, i * d, d);
        }
        return out;
    }
}
