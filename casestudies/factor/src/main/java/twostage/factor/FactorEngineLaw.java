package twostage.factor;

import twostage.chisq.WeightedChiSquare;
import twostage.engine.LimitLaw;
import twostage.engine.LimitLawEngine;
import twostage.random.Rng;

/**
 * The general engine's limit law ({@link LimitLawEngine}, Theorem 5.1 from first principles: H* as the Hessian of
 * the population loss along retraction curves on M_{d,k}, Sigma* = J^T C J with the exact score second moment of
 * {@link FactorProblem}, V = H*^-1 Sigma* H*^-1, and the Gram of L from (5.1) and from Rep along retractions) for a
 * factor model, viewed as a {@link LimitDistribution} at a given alpha, with the exact (Imhof) CDF of
 * {@link WeightedChiSquare}.
 */
public final class FactorEngineLaw {

    private final LimitLaw law;

    private FactorEngineLaw(LimitLaw law) {
        this.law = law;
    }

    public static FactorEngineLaw of(FactorModel model, Rng rng) {
        return new FactorEngineLaw(LimitLawEngine.compute(FactorProblem.of(model), rng));
    }

    public LimitLaw law() {
        return law;
    }

    /** E||L(Z)||^2 = tr(Gamma V). */
    public double interactionMean() {
        return law.interactionMean();
    }

    /** sigma^2 d_act + alpha^-1 sum w_l chi^2_1. */
    public LimitDistribution distribution(double alpha) {
        WeightedChiSquare q = WeightedChiSquare.of(law.weights());
        double shift = law.ols();
        return LimitDistribution.of("engine", law.mean(alpha), x -> x <= shift ? 0.0 : q.cdf(alpha * (x - shift)),
                Math.sqrt(law.interactionVariance()) / alpha + 1e-12);
    }

    public String describe() {
        double[] w = law.weights();
        StringBuilder sb = new StringBuilder("d_act=").append(law.dAct()).append(", d_eff=").append(law.dEff())
                .append(", sigma^2=").append(Fmt.g(law.sigma2())).append(", weights=[");
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Fmt.g(w[i]));
        }
        return sb.append(']').toString();
    }
}
