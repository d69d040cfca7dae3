package twostage.toy;

import twostage.engine.TwoStageProblem;

/**
 * {@link Theorem51ToyCheck} on the correlated Toy-NR (s = 3, sigma^2 = 1, Sigma with correlations 0.5, 0.3, -0.4):
 * B_v = span{(I - Pi_{x_1 + v x_3}) x_2} moves with v and tends to B0 = span{(I - Pi_{x_1}) x_2}; the limit is
 * 2 sigma^2 + alpha^-1 s^2/(Sigma^-1)_33 chi2_1 (weight 4.56). s = 3 rather than 2 because the correlation shrinks
 * the interaction weight by (Sigma^-1)_33 = 1.97, and the edge distance (see {@link Theorem51ToyCheck}) grows like
 * 1/sqrt(weight). Negative control: d_act replaced by d_eff.
 */
public final class Theorem51ToyCorrelatedCheck extends Theorem51ToyCheck {

    private final ToyNonRegular toy = new ToyNonRegular(3.0, 1.0, GaussianLinearFeatures.matrix(new double[][] {
            {1.0, 0.5, 0.3}, {0.5, 1.0, -0.4}, {0.3, -0.4, 1.0}}));

    @Override public String name() { return "limit law of E_mn along n (Toy-NR, correlated inputs)"; }
    @Override protected TwoStageProblem<?> problem() { return toy; }
    @Override protected ToyLimit closedForm() { return toy.closedForm(); }
    @Override protected boolean plantDeff() { return true; }
}
