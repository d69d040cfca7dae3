package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * The population projector Pi = T Sigma^+ T^adj of L2(mu_down) onto H = Im T (Section B.1, p. 25), on a G-LIN law
 * where it is the N x N matrix F Sigma^+ F^T W. Also gives the residual e = (I - Pi) f* and Rep = ||e||^2.
 */
public final class PopulationProjector {

    private final FiniteSupportLaw law;
    private final DMatrixRMaj sigmaPinv;

    private PopulationProjector(FiniteSupportLaw law) {
        this.law = law;
        this.sigmaPinv = PseudoInverse.pinv(law.sigma());
    }

    public static PopulationProjector of(FiniteSupportLaw law) {
        return new PopulationProjector(law);
    }

    /** Sigma^+ T^adj g: the minimum-norm coefficients of Pi g. */
    public double[] coefficients(double[] g) {
        return Mat.mult(sigmaPinv, Mat.col(law.adjoint(g))).getData().clone();
    }

    /** Pi g on the support. */
    public double[] apply(double[] g) {
        return law.forward(coefficients(g));
    }

    /** e = (I - Pi) g. */
    public double[] residual(double[] g) {
        double[] p = apply(g);
        double[] e = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            e[i] = g[i] - p[i];
        }
        return e;
    }

    /** Rep = ||(I - Pi) f*||^2 for the law's target. */
    public double representationError() {
        return law.normSquared(residual(law.target()));
    }
}
