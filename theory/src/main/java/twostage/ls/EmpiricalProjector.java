package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * The canonical empirical projector of Definition C.7 (p. 31): for a function g with sample values
 * v = Ev_n(g) = (g(x_1), ..., g(x_n)),
 * <pre>
 *   T^adj_n g = (1/n) sum_i g(x_i) phi(x_i) = (1/n) Phi^T v,
 *   theta_n(g) = Sigma_n^+ T^adj_n g,     Pi_n g = T theta_n(g).
 * </pre>
 * Since the result depends on g only through v, it is defined on vectors v as well; this is the lift of Definition
 * C.10: Pi_n lift_n(v) is {@code apply} of any function with sample values v, and its coefficients are
 * {@link #coefficients(double[])}. When built on a {@link FiniteSupportLaw} and a design, {@link #apply(double[])}
 * returns Pi_n g as a function on the whole support.
 */
public final class EmpiricalProjector {

    private final DMatrixRMaj phi;
    private final DMatrixRMaj sigmaNPinv;
    private final FiniteSupportLaw law;
    private final int[] design;

    private EmpiricalProjector(DMatrixRMaj phi, FiniteSupportLaw law, int[] design) {
        this.phi = phi;
        DMatrixRMaj sigmaN = Mat.scale(1.0 / phi.numRows, Mat.multTransA(phi, phi));
        twostage.random.RandomMatrices.symmetrize(sigmaN);
        this.sigmaNPinv = PseudoInverse.pinv(sigmaN);
        this.law = law;
        this.design = design;
    }

    /** On sample values only: {@link #apply(double[])} is not available. */
    public static EmpiricalProjector of(DMatrixRMaj phi) {
        MinNormOls.requireDesign(phi);
        return new EmpiricalProjector(phi.copy(), null, null);
    }

    /** On a G-LIN law and a design (support indices, repeats allowed). */
    public static EmpiricalProjector of(FiniteSupportLaw law, int[] design) {
        return new EmpiricalProjector(law.designFeatures(design), law, design.clone());
    }

    /** n. */
    public int sampleSize() {
        return phi.numRows;
    }

    /** Sigma_n^+ (a copy). */
    public DMatrixRMaj sigmaNPinv() {
        return sigmaNPinv.copy();
    }

    /** T^adj_n lift_n(v) = (1/n) Phi^T v. */
    public double[] adjoint(double[] v) {
        requireSample(v);
        return Mat.scale(1.0 / phi.numRows, Mat.multTransA(phi, Mat.col(v))).getData().clone();
    }

    /** theta_n = Sigma_n^+ T^adj_n lift_n(v). */
    public double[] coefficients(double[] v) {
        return Mat.mult(sigmaNPinv, Mat.col(adjoint(v))).getData().clone();
    }

    /** Ev_n(Pi_n lift_n(v)) = Phi theta_n. */
    public double[] fittedValues(double[] v) {
        return Mat.mult(phi, Mat.col(coefficients(v))).getData().clone();
    }

    /** Pi_n g on the whole support, for g given on the support of the law this projector was built on. */
    public double[] apply(double[] g) {
        if (law == null) {
            throw new IllegalStateException("Pi_n g as a function needs the law: build the projector with of(law, design)");
        }
        return law.forward(coefficients(law.evaluate(design, g)));
    }

    /** Pi_n lift_n(v) on the whole support (depends on v only). */
    public double[] applyToSampleValues(double[] v) {
        if (law == null) {
            throw new IllegalStateException("Pi_n lift_n(v) as a function needs the law: build with of(law, design)");
        }
        return law.forward(coefficients(v));
    }

    /** <g, h>_n = (1/n) sum_i g(x_i) h(x_i) from sample values. */
    public static double empiricalInner(double[] g, double[] h) {
        if (g.length != h.length || g.length == 0) {
            throw new IllegalArgumentException("sample vectors must have the same length n >= 1, got " + g.length
                    + " and " + h.length);
        }
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += g[i] * h[i];
        }
        return s / g.length;
    }

    private void requireSample(double[] v) {
        if (v.length != phi.numRows) {
            throw new IllegalArgumentException("sample values must have length n=" + phi.numRows + ", got " + v.length);
        }
        Checks.requireFinite("sample values", v);
    }
}
