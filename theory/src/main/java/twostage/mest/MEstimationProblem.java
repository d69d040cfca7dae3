package twostage.mest;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.linalg.Vectors;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * An M-estimation problem on a manifold (Appendix D, pp. 34-43): i.i.d. draws z, a per-sample loss f(O; z), the
 * population objective F(O) = E f(O; Z) with minimiser O*, and the estimator O_m = argmin (1/m) sum f(O; z_j).
 * The Euclidean case (Section D.3) is the flat manifold R^p. Tangent quantities at O* are expressed in the
 * coordinates of {@code manifold().tangentBasis(truth())}.
 */
public interface MEstimationProblem {

    /** A short description (instance and parameters), for evidence notes. */
    String describe();

    /** The parameter manifold. */
    DescriptorManifold manifold();

    /** O*, the population minimiser. */
    double[] truth();

    /** One draw z. */
    double[] sample(Rng rng);

    /** f(O; z). */
    double loss(double[] omega, double[] z);

    /** The Riemannian gradient grad f(O; z), an ambient vector tangent at O. */
    double[] score(double[] omega, double[] z);

    /**
     * F(O), exact, possibly up to an additive constant that does not depend on O (say so in the implementation).
     */
    double populationLoss(double[] omega);

    /** H* = Hess F(O*), exact, in tangent coordinates (dim x dim). */
    DMatrixRMaj hessian();

    /** Sigma* = E[grad f(O*; Z) grad f(O*; Z)^T], exact, in tangent coordinates (entries may be infinite). */
    DMatrixRMaj scoreCovariance();

    /** The M-estimator from a fresh sample of size m (implementations state any exact sampling shortcut). */
    double[] estimate(int m, Rng rng);

    /** V = H*^-1 Sigma* H*^-1 (Theorems D.4 and D.7). */
    default DMatrixRMaj sandwich() {
        return Sandwich.of(hessian(), scoreCovariance());
    }

    /** The tangent coordinates B^T log_{O*}(O) of a point. */
    default double[] tangentCoordinates(double[] omega) {
        double[] log = manifold().log(truth(), omega);
        return Mat.multTransA(manifold().tangentBasis(truth()), Mat.col(log)).getData();
    }

    /** The geodesic (or first-order proxy) distance ||log_{O*}(O)||. */
    default double distanceToTruth(double[] omega) {
        return Vectors.norm(manifold().log(truth(), omega));
    }
}
