package twostage.toy;

import twostage.engine.TwoStageProblem;

/**
 * {@link Theorem51ToyCheck} on Toy-NR (Sigma = I) with s = 2, sigma^2 = 1: limit 2 sigma^2 + alpha^-1 s^2 chi2_1
 * (d_act = 2 > d_eff = 1). Negative control: the same KS test against the law with d_act replaced by d_eff.
 */
public final class Theorem51ToyNonRegularCheck extends Theorem51ToyCheck {

    private final ToyNonRegular toy = new ToyNonRegular(2.0, 1.0, twostage.linalg.Mat.identity(3));

    @Override public String name() { return "limit law of E_mn along n (Toy-NR)"; }
    @Override protected TwoStageProblem<?> problem() { return toy; }
    @Override protected ToyLimit closedForm() { return toy.closedForm(); }
    @Override protected boolean plantDeff() { return true; }
}
