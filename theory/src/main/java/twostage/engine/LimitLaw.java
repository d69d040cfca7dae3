package twostage.engine;

import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import twostage.chisq.ShiftedWeightedChiSquare;
import twostage.chisq.WeightedChiSquare;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * The limit law of Theorem 5.1 (pp. 7-8, eq. 5.2) computed by {@link LimitLawEngine} for one instance:
 * E_{m,n} = n (R - sigma^2) converges in law to sigma^2 d_act + alpha^-1 ||L(Z)||^2 with Z ~ N(0, V) on the tangent
 * space, V = H*^-1 Sigma* H*^-1, and ||L(Z)||^2 = Z^T Gamma Z = sum_l w_l chi2_1 with w = eig(V^1/2 Gamma V^1/2)
 * (CF3). All matrices are in the orthonormal tangent basis E = tangentBasis(Omega*).
 *
 * @param problem             the instance's name
 * @param tangentDimension    dim M
 * @param sectionJacobian     J (q0 x dim): J_a = d/dt s(R(Omega*, t e_a)) at t = 0
 * @param hessian             H*, the Riemannian Hessian of L_pre on T M
 * @param scoreCovariance     Sigma* = E[score score^T], score_a = grad l(w*; z) . J_a
 * @param scoreCovarianceSE   Monte Carlo standard error of the entries of Sigma* (max over entries); 0 when exact
 * @param covariance          V = H*^-1 Sigma* H*^-1
 * @param gram                Gamma_ab = <L(e_a), L(e_b)> from first principles (5.1)
 * @param gramFromRep         the same Gram from Rep(R(Omega*, t v))/t^2, polarised (an independent route)
 * @param thetaStar           theta* = Sigma(w*)^+ c(w*), the coefficient in E*
 * @param dEff                d_eff = rank Sigma(w*)
 * @param dAct                d_act = d_eff + dim B0
 * @param stableRank          rank Sigma(s(R(Omega*, t v))) at a small t along a generic direction (should be d_act)
 * @param dBase               d_base: rank of the L2 Gram of {psi_j(w*)} and {theta*^T d psi / d w_i (w*)}, i <= q0
 * @param dBaseTangent        the same with the tangent derivatives h_{e_a} only (T_base of App. G.4)
 * @param b0DirectionSpread   max |Gamma from B_v along two different directions v| (stability of the B0 limit, G.4)
 * @param sigma2              the noise variance
 * @param weights             the chi-square weights, eigenvalues of V^1/2 Gamma V^1/2 (decreasing, clipped at 0)
 * @param interaction         the law of ||L(Z)||^2 = sum_l weights_l chi2_1 (exact CDF by contour inversion)
 */
public record LimitLaw(String problem, int tangentDimension, DMatrixRMaj sectionJacobian, DMatrixRMaj hessian,
                       DMatrixRMaj scoreCovariance, double scoreCovarianceSE, DMatrixRMaj covariance, DMatrixRMaj gram,
                       DMatrixRMaj gramFromRep, double[] thetaStar, int dEff, int dAct, int stableRank, int dBase,
                       int dBaseTangent, double b0DirectionSpread, double sigma2, double[] weights,
                       WeightedChiSquare interaction) {

    /** E||L(Z)||^2 = tr(Gamma V). */
    public double interactionMean() {
        return Mat.trace(Mat.mult(gram, covariance));
    }

    /** Var ||L(Z)||^2 = 2 tr((Gamma V)^2). */
    public double interactionVariance() {
        DMatrixRMaj gv = Mat.mult(gram, covariance);
        return 2 * Mat.trace(Mat.mult(gv, gv));
    }

    /** P(||L(Z)||^2 <= q). */
    public double interactionCdf(double q) {
        return interaction.cdf(q);
    }

    /** One draw of ||L(Z)||^2. */
    public double sampleInteraction(Rng rng) {
        return interaction.sample(rng);
    }

    /** The full limit sigma^2 d_act + ||L(Z)||^2 / alpha as a shifted weighted chi-square. */
    public ShiftedWeightedChiSquare law(double alpha) {
        requireAlpha(alpha);
        return interaction.shifted(ols(), 1 / alpha);
    }

    /** The deterministic part sigma^2 d_act. */
    public double ols() {
        return sigma2 * dAct;
    }

    /** E[limit] = sigma^2 d_act + tr(Gamma V) / alpha. */
    public double mean(double alpha) {
        requireAlpha(alpha);
        return ols() + interactionMean() / alpha;
    }

    /** P(sigma^2 d_act + ||L(Z)||^2 / alpha <= x). */
    public double cdf(double x, double alpha) {
        requireAlpha(alpha);
        return interactionCdf(alpha * (x - ols()));
    }

    /** One draw of the limit at ratio alpha. */
    public double sample(Rng rng, double alpha) {
        requireAlpha(alpha);
        return ols() + sampleInteraction(rng) / alpha;
    }

    /**
     * alpha0 = E||L(Z)||^2 / (sigma^2 (d_base - d_eff)) (p. 8): above it the two-stage mean limit is below the
     * downstream-only sigma^2 d_base. Empty when undefined (d_base = d_eff, or sigma^2 = 0).
     */
    public OptionalDouble crossover() {
        if (dBase <= dEff || sigma2 == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(interactionMean() / (sigma2 * (dBase - dEff)));
    }

    /** The same law with another OLS dimension (e.g. d_eff in place of d_act, for a negative control). */
    public LimitLaw withActiveDimension(int d) {
        return new LimitLaw(problem, tangentDimension, sectionJacobian, hessian, scoreCovariance, scoreCovarianceSE,
                covariance, gram, gramFromRep, thetaStar, dEff, d, stableRank, dBase, dBaseTangent, b0DirectionSpread,
                sigma2, weights, interaction);
    }

    static void requireAlpha(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be > 0 and finite, got " + alpha);
        }
    }
}
