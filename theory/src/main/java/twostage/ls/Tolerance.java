package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import twostage.linalg.PseudoInverse;

/**
 * The tolerance rule of the exact least-squares checks of this package. An identity involving a design Phi (n x p)
 * and the pseudo-inverse of its Gram matrix is accepted when its residual, measured relative to the natural size of
 * the compared quantities, is at most
 * <pre>
 *   tol = 1e-12 * (n + p) * max(1, kappa)^2,
 * </pre>
 * with kappa = sigma_max / sigma_min+ the condition number of Phi on its range (smallest singular value above the
 * pseudo-inverse's rank cut). Rounding in (Phi^T Phi)^+ grows like machine epsilon times kappa^2 and the number of
 * terms in the sums, so the rule leaves a margin of about 1e4 over double precision.
 */
final class Tolerance {

    /** The unit of the rule. */
    static final double UNIT = 1e-12;

    private Tolerance() {
    }

    /** sigma_max / sigma_min+ over the singular values above the pseudo-inverse's relative cut (1 for A = 0). */
    static double conditionOnRange(DMatrixRMaj a) {
        double[] s = SingularOps_DDRM.singularValues(a.copy());
        double max = 0;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double min = max;
        for (double v : s) {
            if (v > PseudoInverse.DEFAULT_REL_TOL * max && v < min) {
                min = v;
            }
        }
        return max == 0 ? 1 : max / min;
    }

    /** 1e-12 (n + p) max(1, kappa(Phi))^2. */
    static double forDesign(DMatrixRMaj phi) {
        return of(phi.numRows + phi.numCols, conditionOnRange(phi));
    }

    /**
     * The rule for quantities that also involve the population Sigma^+ (risk parts, population projectors):
     * 1e-12 (n + p) max(1, kappa(Phi)^2, cond(Sigma)), cond(Sigma) on its range.
     */
    static double forDesignAndMoments(DMatrixRMaj phi, DMatrixRMaj sigma) {
        double k = Math.max(conditionOnRange(phi), Math.sqrt(conditionOnRange(sigma)));
        return of(phi.numRows + phi.numCols, k);
    }

    /** 1e-12 * terms * max(1, kappa)^2. */
    static double of(int terms, double kappa) {
        double k = Math.max(1, kappa);
        return UNIT * terms * k * k;
    }
}
