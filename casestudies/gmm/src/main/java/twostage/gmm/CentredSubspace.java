package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.SymmetricEigen;

/**
 * The centred-mean subspace of Section 6.3 (p. 11): u_bar(U) = (1/K) sum_i u_i, S(U) = sum_i (u_i - u_bar)(u_i -
 * u_bar)^T, and P_U, the orthogonal projector onto the leading r-dimensional eigenspace of S(U), with its derivative
 * (the Lemma H.15-type formula)
 * DP_U[E] = sum_{a <= r < b} (q_a^T E q_b) / (lambda_a - lambda_b) (q_a q_b^T + q_b q_a^T), E = DS(U)[V] =
 * sum_i (v_i - v_bar)(u_i - u_bar)^T + (u_i - u_bar)(v_i - v_bar)^T.
 * DP_U is self-adjoint on symmetric matrices, which gives gradients of scalar functions of P_U cheaply.
 */
public final class CentredSubspace {

    private final int k;
    private final int d;
    private final int r;
    private final double[] mean;
    private final double[] values;
    /** eigenvectors, column-major by eigenvalue: q[c][a] = entry a of eigenvector c. */
    private final double[][] q;
    private final double[][] projector;

    private CentredSubspace(int k, int d, int r, double[] mean, double[] values, double[][] q) {
        this.k = k;
        this.d = d;
        this.r = r;
        this.mean = mean;
        this.values = values;
        this.q = q;
        this.projector = new double[d][d];
        for (int c = 0; c < r; c++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    projector[a][b] += q[c][a] * q[c][b];
                }
            }
        }
    }

    /**
     * The subspace of rank r at U.
     *
     * @throws IllegalArgumentException if r is not in [1, min(d, K-1)] or S(U) has no eigengap at r
     *                                  (lambda_r - lambda_{r+1} <= 1e-12 max(1, lambda_1))
     */
    public static CentredSubspace of(int k, int d, double[] u, int r) {
        if (r < 1 || r > Math.min(d, k - 1)) {
            throw new IllegalArgumentException("rank r must be in [1, min(d, K-1)], got r=" + r);
        }
        double[] mean = new double[d];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < d; a++) {
                mean[a] += u[i * d + a] / k;
            }
        }
        DMatrixRMaj s = scatter(k, d, u, mean);
        SymmetricEigen e = SymmetricEigen.of(s);
        double[] lam = e.values();
        double gap = lam[r - 1] - (r < d ? lam[r] : 0.0);
        if (!(gap > 1e-12 * Math.max(1, lam[0]))) {
            throw new twostage.check.AssumptionViolation("Assumption 6.5(ii)", "S(U) has no eigengap at r=" + r + ": lambda_r="
                    + lam[r - 1] + ", lambda_{r+1}=" + (r < d ? lam[r] : 0.0));
        }
        double[][] q = new double[d][d];
        for (int c = 0; c < d; c++) {
            for (int a = 0; a < d; a++) {
                q[c][a] = e.vectors().get(a, c);
            }
        }
        return new CentredSubspace(k, d, r, mean, lam, q);
    }

    /** S(U) for centres u with mean m. */
    static DMatrixRMaj scatter(int k, int d, double[] u, double[] m) {
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < d; a++) {
                double ca = u[i * d + a] - m[a];
                for (int b = 0; b < d; b++) {
                    s.add(a, b, ca * (u[i * d + b] - m[b]));
                }
            }
        }
        return s;
    }

    /** S(U) as a d x d matrix. */
    public static DMatrixRMaj secondMoment(int k, int d, double[] u) {
        double[] mean = new double[d];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < d; a++) {
                mean[a] += u[i * d + a] / k;
            }
        }
        return scatter(k, d, u, mean);
    }

    public int rank() { return r; }
    public double[] mean() { return mean.clone(); }
    /** Eigenvalues of S(U), decreasing. */
    public double[] eigenvalues() { return values.clone(); }
    /** lambda_r - lambda_{r+1}. */
    public double eigengap() { return values[r - 1] - (r < d ? values[r] : 0.0); }

    /** Entry (a, b) of P_U. */
    public double projector(int a, int b) { return projector[a][b]; }

    /** P_U as a d x d matrix. */
    public DMatrixRMaj projectorMatrix() {
        DMatrixRMaj p = new DMatrixRMaj(d, d);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                p.set(a, b, projector[a][b]);
            }
        }
        return p;
    }

    /** Entry a of the c-th eigenvector of S(U) (c = 0 is the leading one). */
    double basis(int c, int a) { return q[c][a]; }

    /** Coordinates of v in the leading basis: E^T v (length r). */
    double[] leadingCoordinates(double[] v, int off) {
        double[] y = new double[r];
        for (int c = 0; c < r; c++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                s += q[c][a] * v[off + a];
            }
            y[c] = s;
        }
        return y;
    }

    /** DS(U)[V] for a direction V (flat K x d). */
    public double[][] secondMomentDerivative(double[] u, double[] v) {
        double[] vbar = new double[d];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < d; a++) {
                vbar[a] += v[i * d + a] / k;
            }
        }
        double[][] e = new double[d][d];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < d; a++) {
                double da = v[i * d + a] - vbar[a];
                double ca = u[i * d + a] - mean[a];
                for (int b = 0; b < d; b++) {
                    e[a][b] += da * (u[i * d + b] - mean[b]) + ca * (v[i * d + b] - vbar[b]);
                }
            }
        }
        return e;
    }

    /** DP_U[E] for a symmetric perturbation E of S. */
    public double[][] projectorDerivative(double[][] e) {
        // M = Q^T E Q restricted to the off-diagonal blocks, scaled by 1/(lambda_a - lambda_b)
        double[][] eq = new double[d][d]; // E q_b
        for (int b = 0; b < d; b++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += e[a][c] * q[b][c];
                }
                eq[b][a] = s;
            }
        }
        double[][] out = new double[d][d];
        for (int a = 0; a < r; a++) {
            for (int b = r; b < d; b++) {
                double m = 0;
                for (int c = 0; c < d; c++) {
                    m += q[a][c] * eq[b][c];
                }
                m /= values[a] - values[b];
                for (int x = 0; x < d; x++) {
                    for (int y = 0; y < d; y++) {
                        out[x][y] += m * (q[a][x] * q[b][y] + q[b][x] * q[a][y]);
                    }
                }
            }
        }
        return out;
    }

    /** DP_U[DS(U)[V]]. */
    public double[][] projectorDerivative(double[] u, double[] v) {
        return projectorDerivative(secondMomentDerivative(u, v));
    }
}
