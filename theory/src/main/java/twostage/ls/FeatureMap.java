package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;

/**
 * A feature map phi: R^d -> R^p (the coordinate feature map phi(., Omega) at a fixed descriptor Omega). The factories
 * build the maps the instance generators G-LIN and G-GAUSS of the catalogue use: linear B^T x, tanh(B^T x) and a
 * quadratic map (B^T x, (B^T x)^2 entrywise).
 */
public interface FeatureMap {

    /** Input dimension d. */
    int inputDimension();

    /** Feature dimension p. */
    int dimension();

    /** phi(x), length p. */
    double[] apply(double[] x);

    /** The n x p matrix with rows phi(x_i)^T for the rows x_i of {@code x} (n x d). */
    default DMatrixRMaj rows(DMatrixRMaj x) {
        if (x.numCols != inputDimension()) {
            throw new IllegalArgumentException("inputs must have d=" + inputDimension() + " columns, got " + x.numCols);
        }
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, dimension());
        double[] row = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                row[j] = x.get(i, j);
            }
            double[] f = apply(row);
            for (int j = 0; j < f.length; j++) {
                out.set(i, j, f[j]);
            }
        }
        return out;
    }

    /** phi(x) = B^T x, B d x p. */
    static FeatureMap linear(DMatrixRMaj b) {
        return elementwise("linear", b, 1, (u, k) -> u);
    }

    /** phi(x) = tanh(B^T x) entrywise. */
    static FeatureMap tanh(DMatrixRMaj b) {
        return elementwise("tanh", b, 1, (u, k) -> Math.tanh(u));
    }

    /** phi(x) = (B^T x, (B^T x)^2 entrywise): p = 2 * columns of B. */
    static FeatureMap quadratic(DMatrixRMaj b) {
        return elementwise("quadratic", b, 2, (u, k) -> k == 0 ? u : u * u);
    }

    /** The map x -> (g(b_j^T x, k)) for k < copies and each column b_j of B. */
    private static FeatureMap elementwise(String name, DMatrixRMaj b, int copies, Link g) {
        Checks.requireFinite("feature weights B", b);
        if (b.numRows < 1 || b.numCols < 1) {
            throw new IllegalArgumentException("feature weights B must be non-empty, got " + b.numRows + "x" + b.numCols);
        }
        DMatrixRMaj w = b.copy();
        int d = w.numRows;
        int k = w.numCols;
        return new FeatureMap() {
            @Override public int inputDimension() { return d; }
            @Override public int dimension() { return copies * k; }
            @Override public double[] apply(double[] x) {
                if (x.length != d) {
                    throw new IllegalArgumentException("input must have length d=" + d + ", got " + x.length);
                }
                double[] out = new double[copies * k];
                for (int j = 0; j < k; j++) {
                    double u = 0;
                    for (int i = 0; i < d; i++) {
                        u += w.get(i, j) * x[i];
                    }
                    for (int c = 0; c < copies; c++) {
                        out[c * k + j] = g.at(u, c);
                    }
                }
                return out;
            }
            @Override public String toString() { return name + " features, d=" + d + ", p=" + (copies * k); }
        };
    }

    /** The scalar link applied to b_j^T x in copy k. */
    @FunctionalInterface
    interface Link {
        double at(double u, int copy);
    }
}
