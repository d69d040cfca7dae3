package twostage.gmm;

/**
 * The subspace-aware feature map (6.4) of Section 6.3 (p. 11) at one parameter U:
 * psi_U(x) = [pi_1 P_U(x - u_1); pi_1; ...; pi_K P_U(x - u_K); pi_K] in R^{K(d+1)}, with the projected
 * responsibilities (6.3) pi_i(x; U) = softmax_i(<P_U u_i, P_U x> - ||P_U u_i||^2 / 2).
 *
 * <p>Also: the reduced coordinates psi_red(x) = [pi_i E^T(x - u_i); pi_i]_i in R^{K(r+1)}, where E (d x r) is an
 * orthonormal basis of range P_U, so that psi = R psi_red with R = blockdiag(E, 1) having orthonormal columns (min-norm
 * OLS and L2 projections are invariant under this isometry); the analytic directional derivative D_U psi_U(x)[V]; and
 * the analytic gradient in U of the scalar theta^T psi_U(x), using that DP_U is self-adjoint (see
 * {@link CentredSubspace}).
 */
public final class FeatureMap {

    private final int k;
    private final int d;
    private final int r;
    private final double[] u;
    private final CentredSubspace sub;
    /** E^T u_i. */
    private final double[][] a;
    /** Q^T u_i and Q^T (u_i - u_bar) in the full eigenbasis. */
    private final double[][] qu;
    private final double[][] qc;

    FeatureMap(int k, int d, double[] u, CentredSubspace sub) {
        this.k = k;
        this.d = d;
        this.r = sub.rank();
        this.u = u.clone();
        this.sub = sub;
        this.a = new double[k][];
        this.qu = new double[k][d];
        this.qc = new double[k][d];
        double[] m = sub.mean();
        for (int i = 0; i < k; i++) {
            a[i] = sub.leadingCoordinates(u, i * d);
            for (int c = 0; c < d; c++) {
                double s = 0;
                double t = 0;
                for (int b = 0; b < d; b++) {
                    s += sub.basis(c, b) * u[i * d + b];
                    t += sub.basis(c, b) * (u[i * d + b] - m[b]);
                }
                qu[i][c] = s;
                qc[i][c] = t;
            }
        }
    }

    /** The feature map at U with projector rank r. */
    public static FeatureMap at(int k, int d, double[] u, int r) {
        return new FeatureMap(k, d, u, CentredSubspace.of(k, d, u, r));
    }

    public int fullDimension() { return k * (d + 1); }
    public int reducedDimension() { return k * (r + 1); }
    public CentredSubspace subspace() { return sub; }

    /** Projected responsibilities (6.3) at x (x at offset off). */
    public double[] responsibilities(double[] x, int off) {
        double[] y = sub.leadingCoordinates(x, off);
        double[] pi = new double[k];
        softmax(y, pi);
        return pi;
    }

    private void softmax(double[] y, double[] pi) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double s = 0;
            double n2 = 0;
            for (int c = 0; c < r; c++) {
                s += a[i][c] * y[c];
                n2 += a[i][c] * a[i][c];
            }
            pi[i] = s - 0.5 * n2;
            max = Math.max(max, pi[i]);
        }
        double z = 0;
        for (int i = 0; i < k; i++) {
            pi[i] = Math.exp(pi[i] - max);
            z += pi[i];
        }
        for (int i = 0; i < k; i++) {
            pi[i] /= z;
        }
    }

    /** psi_U(x) in R^{K(d+1)}, written to out[outOff ..]. */
    public void full(double[] x, int off, double[] out, int outOff) {
        double[] pi = responsibilities(x, off);
        for (int i = 0; i < k; i++) {
            int base = outOff + i * (d + 1);
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += sub.projector(b, c) * (x[off + c] - u[i * d + c]);
                }
                out[base + b] = pi[i] * s;
            }
            out[base + d] = pi[i];
        }
    }

    public double[] full(double[] x) {
        double[] out = new double[fullDimension()];
        full(x, 0, out, 0);
        return out;
    }

    /** psi_red(x) in R^{K(r+1)}, written to out[outOff ..]. */
    public void reduced(double[] x, int off, double[] out, int outOff) {
        double[] y = sub.leadingCoordinates(x, off);
        double[] pi = new double[k];
        softmax(y, pi);
        for (int i = 0; i < k; i++) {
            int base = outOff + i * (r + 1);
            for (int c = 0; c < r; c++) {
                out[base + c] = pi[i] * (y[c] - a[i][c]);
            }
            out[base + r] = pi[i];
        }
    }

    /** theta^T psi_U(x) for theta in R^{K(d+1)}. */
    public double linear(double[] theta, double[] x, int off) {
        double[] psi = new double[fullDimension()];
        full(x, off, psi, 0);
        double s = 0;
        for (int j = 0; j < psi.length; j++) {
            s += theta[j] * psi[j];
        }
        return s;
    }

    /** D_U psi_U(x)[V], the analytic directional derivative (including DP_U[V]). */
    public double[] directional(double[] x, double[] v) {
        return directional(x, v, true);
    }

    /** As {@link #directional(double[], double[])}; with {@code withProjector = false} DP_U[V] is left out. */
    public double[] directional(double[] x, double[] v, boolean withProjector) {
        double[][] dp = withProjector ? sub.projectorDerivative(u, v) : new double[d][d];
        double[] pi = responsibilities(x, 0);
        double[][] p = new double[d][d];
        for (int b = 0; b < d; b++) {
            for (int c = 0; c < d; c++) {
                p[b][c] = sub.projector(b, c);
            }
        }
        double[] dl = new double[k];
        double mean = 0;
        for (int i = 0; i < k; i++) {
            // l_i = u_i^T P x - u_i^T P u_i / 2
            double s = 0;
            for (int b = 0; b < d; b++) {
                double vb = v[i * d + b];
                double ub = u[i * d + b];
                for (int c = 0; c < d; c++) {
                    s += vb * p[b][c] * (x[c] - u[i * d + c]) + ub * dp[b][c] * (x[c] - 0.5 * u[i * d + c]);
                }
            }
            dl[i] = s;
            mean += pi[i] * s;
        }
        double[] out = new double[fullDimension()];
        for (int i = 0; i < k; i++) {
            double dpi = pi[i] * (dl[i] - mean);
            int base = i * (d + 1);
            for (int b = 0; b < d; b++) {
                double px = 0;
                double dpx = 0;
                double pv = 0;
                for (int c = 0; c < d; c++) {
                    double xc = x[c] - u[i * d + c];
                    px += p[b][c] * xc;
                    dpx += dp[b][c] * xc;
                    pv += p[b][c] * v[i * d + c];
                }
                out[base + b] = dpi * px + pi[i] * (dpx - pv);
            }
            out[base + d] = dpi;
        }
        return out;
    }

    /**
     * The gradient in U of h(U) = theta^T psi_U(x), so that <gradient, V> = theta^T D_U psi_U(x)[V]; written to
     * out[0 .. K d). Cost O(K d r + K r (d - r) + K d^2) per point.
     */
    public void gradientOfLinear(double[] theta, double[] x, int off, double[] out) {
        double[] qx = new double[d];
        for (int c = 0; c < d; c++) {
            double s = 0;
            for (int b = 0; b < d; b++) {
                s += sub.basis(c, b) * x[off + b];
            }
            qx[c] = s;
        }
        double[] y = new double[r];
        System.arraycopy(qx, 0, y, 0, r);
        double[] pi = new double[k];
        softmax(y, pi);
        // f_i = theta_i^T P (x - u_i) + b_i, via Q^T theta_i
        double[][] qt = new double[k][d];
        double[] f = new double[k];
        double g = 0;
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += sub.basis(c, b) * theta[i * (d + 1) + b];
                }
                qt[i][c] = s;
            }
            double s = theta[i * (d + 1) + d];
            for (int c = 0; c < r; c++) {
                s += qt[i][c] * (qx[c] - qu[i][c]);
            }
            f[i] = s;
            g += pi[i] * s;
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = pi[i] * (f[i] - g);
        }
        // direct part, P held fixed, in Q coordinates: -pi_k P theta_k + w_k P (x - u_k)
        double[][] gq = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < r; c++) {
                gq[i][c] = -pi[i] * qt[i][c] + w[i] * (qx[c] - qu[i][c]);
            }
        }
        // P part: M_ab = sym(G)_ab / (lambda_a - lambda_b) on a < r <= b, with G the matrix gradient in P
        double[] lam = sub.eigenvalues();
        double[][] m = new double[r][d];
        for (int aa = 0; aa < r; aa++) {
            for (int b = r; b < d; b++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    double xa = qx[aa] - qu[i][aa];
                    double xb = qx[b] - qu[i][b];
                    s += pi[i] * (qt[i][aa] * xb + qt[i][b] * xa)
                            + w[i] * (qu[i][aa] * qx[b] + qu[i][b] * qx[aa] - qu[i][aa] * qu[i][b]);
                }
                m[aa][b] = 0.5 * s / (lam[aa] - lam[b]);
            }
        }
        // gradient through P: 2 A (u_k - u_bar), A = Q [[0, M],[M^T, 0]] Q^T
        for (int i = 0; i < k; i++) {
            for (int aa = 0; aa < r; aa++) {
                double s = 0;
                for (int b = r; b < d; b++) {
                    s += m[aa][b] * qc[i][b];
                }
                gq[i][aa] += 2 * s;
            }
            for (int b = r; b < d; b++) {
                double s = 0;
                for (int aa = 0; aa < r; aa++) {
                    s += m[aa][b] * qc[i][aa];
                }
                gq[i][b] += 2 * s;
            }
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += sub.basis(c, b) * gq[i][c];
                }
                out[i * d + b] = s;
            }
        }
    }
}
