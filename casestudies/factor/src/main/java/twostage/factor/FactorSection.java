package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;

/**
 * A smooth local section of D(A) = A A^T near M* = A* A*^T that passes through A*:
 * <pre>
 *   s(M) = M A* (A*^T M A*)^(-1/2).
 * </pre>
 * For M = V V^T of rank k with A*^T V invertible, s(M) s(M)^T = V (V^T A*)(V^T A*)^-1 (A*^T V)^-1 (A*^T V) V^T = M;
 * at M = M* it returns A* (A*^T M* A* = G^2 with G = A*^T A*). It is smooth wherever A*^T M A* is positive definite,
 * which holds on a neighbourhood of M* in M_{d,k}.
 */
public final class FactorSection {

    private final DMatrixRMaj anchor;

    private FactorSection(DMatrixRMaj anchor) {
        this.anchor = anchor.copy();
    }

    /** The section anchored at A* (d x k, full column rank). */
    public static FactorSection anchoredAt(DMatrixRMaj aStar) {
        return new FactorSection(aStar);
    }

    /** s(M), d x k. */
    public DMatrixRMaj apply(DMatrixRMaj m) {
        DMatrixRMaj ma = Mat.mult(Linalg.sym(m), anchor);
        DMatrixRMaj inner = Linalg.sym(Mat.multTransA(anchor, ma));
        double[] ev = twostage.linalg.SymmetricEigen.of(inner).values();
        if (!(ev[ev.length - 1] > 1e-12 * Math.max(ev[0], 1e-300))) {
            throw new twostage.check.AssumptionViolation("domain of the local section", "A*^T M A* must be positive definite (M too far from "
                    + "M* or of rank < k; smallest eigenvalue " + ev[ev.length - 1] + ")");
        }
        return Mat.mult(ma, Linalg.apply(inner, v -> 1.0 / Math.sqrt(v)));
    }
}
