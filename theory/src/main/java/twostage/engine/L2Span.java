package twostage.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * A finite-dimensional piece of L2(mu_down) spanned by f* and the coordinates of psi(., w_k) at a list of parameter
 * points w_1..w_K. A function is a coefficient vector of length N = 1 + K p (index 0: f*, then block k: psi(., w_k));
 * inner products use the exact Gram matrix of the dictionary, built from the instance's population moments
 * (crossMoment, targetMoment, E f*^2). Differences of nearby features are formed on coefficients, so no function is
 * ever evaluated pointwise.
 */
final class L2Span {

    private final DownstreamModel down;
    private final int p;
    private final List<double[]> points = new ArrayList<>();
    private DMatrixRMaj gram;

    L2Span(DownstreamModel down, int p) {
        this.down = down;
        this.p = p;
    }

    /** Adds a point; returns its block index. Must be called before the Gram is used. */
    int add(double[] w) {
        if (gram != null) {
            throw new IllegalStateException("points must be added before the Gram matrix is built");
        }
        points.add(w.clone());
        return points.size() - 1;
    }

    int size() {
        return 1 + points.size() * p;
    }

    DMatrixRMaj gram() {
        if (gram == null) {
            int n = size();
            gram = new DMatrixRMaj(n, n);
            gram.set(0, 0, down.targetSecondMoment());
            for (int i = 0; i < points.size(); i++) {
                DMatrixRMaj c = down.targetMoment(points.get(i));
                for (int a = 0; a < p; a++) {
                    gram.set(0, 1 + i * p + a, c.get(a));
                    gram.set(1 + i * p + a, 0, c.get(a));
                }
                for (int j = i; j < points.size(); j++) {
                    DMatrixRMaj s = down.crossMoment(points.get(i), points.get(j));
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b < p; b++) {
                            gram.set(1 + i * p + a, 1 + j * p + b, s.get(a, b));
                            gram.set(1 + j * p + b, 1 + i * p + a, s.get(a, b));
                        }
                    }
                }
            }
        }
        return gram;
    }

    /** The coefficient vector of f* (N x 1). */
    DMatrixRMaj target() {
        DMatrixRMaj t = new DMatrixRMaj(size(), 1);
        t.set(0, 1.0);
        return t;
    }

    /** The functions psi(., w_k) u for the columns u of {@code coef} (p x r): an N x r coefficient matrix. */
    DMatrixRMaj block(int k, DMatrixRMaj coef) {
        DMatrixRMaj f = new DMatrixRMaj(size(), coef.numCols);
        CommonOps_DDRM.insert(coef, f, 1 + k * p, 0);
        return f;
    }

    /** F1^T G F2. */
    DMatrixRMaj inner(DMatrixRMaj f1, DMatrixRMaj f2) {
        return Mat.multTransA(f1, Mat.mult(gram(), f2));
    }

    /** The L2-orthogonal projection of the columns of g onto the span of the columns of f. */
    DMatrixRMaj project(DMatrixRMaj f, DMatrixRMaj g) {
        if (f.numCols == 0) {
            return new DMatrixRMaj(g.numRows, g.numCols);
        }
        DMatrixRMaj coef = Mat.mult(PseudoInverse.pinv(inner(f, f)), inner(f, g));
        return Mat.mult(f, coef);
    }

    /** Columns side by side. */
    static DMatrixRMaj concat(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols + b.numCols);
        CommonOps_DDRM.insert(a, c, 0, 0);
        CommonOps_DDRM.insert(b, c, 0, a.numCols);
        return c;
    }
}
