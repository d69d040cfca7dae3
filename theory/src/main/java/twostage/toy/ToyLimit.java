package twostage.toy;

import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import twostage.linalg.Checks;

/**
 * The closed-form limit of a toy instance (CF15 of the catalogue): E_{m,n} converges in law to
 * sigma^2 d_act + alpha^-1 w chi2_1, where w = E||L(Z)||^2 is the single interaction weight (the toys have a
 * one-dimensional tangent space). Also the dimensions d_eff, d_base and the crossover
 * alpha0 = w / (sigma^2 (d_base - d_eff)) of p. 8.
 *
 * @param sigma2 noise variance sigma^2
 * @param dEff   d_eff(Omega*) = rank Sigma(w*)
 * @param dAct   d_act(Omega*) = d_eff + dim B0
 * @param dBase  d_base, the dimension of the tangent space of the function class at f*
 * @param weight E||L(Z)||^2 (the law of ||L(Z)||^2 is weight * chi2_1)
 */
public record ToyLimit(double sigma2, int dEff, int dAct, int dBase, double weight) {

    public ToyLimit {
        Checks.requireNonNegative("sigma^2", sigma2);
        Checks.requireNonNegative("interaction weight", weight);
    }

    /** E[limit] = sigma^2 d_act + weight / alpha. */
    public double mean(double alpha) {
        requireAlpha(alpha);
        return sigma2 * dAct + weight / alpha;
    }

    /** P(limit <= x). */
    public double cdf(double x, double alpha) {
        requireAlpha(alpha);
        double shift = x - sigma2 * dAct;
        if (weight == 0) {
            return shift >= 0 ? 1.0 : 0.0;
        }
        return shift <= 0 ? 0.0 : ChiSquaredDistribution.of(1).cumulativeProbability(alpha * shift / weight);
    }

    /** alpha0 = E||L(Z)||^2 / (sigma^2 (d_base - d_eff)); empty when d_base = d_eff or sigma^2 = 0. */
    public OptionalDouble crossover() {
        if (dBase == dEff || sigma2 == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(weight / (sigma2 * (dBase - dEff)));
    }

    static void requireAlpha(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be > 0 and finite, got " + alpha);
        }
    }
}
