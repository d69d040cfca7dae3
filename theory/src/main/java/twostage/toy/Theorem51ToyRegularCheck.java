package twostage.toy;

import twostage.engine.TwoStageProblem;

/** {@link Theorem51ToyCheck} on Toy-R with s = 2, sigma^2 = 1: limit sigma^2 + alpha^-1 s^2 chi2_1. */
public final class Theorem51ToyRegularCheck extends Theorem51ToyCheck {

    private final ToyRegular toy = new ToyRegular(2.0, 1.0);

    @Override public String name() { return "limit law of E_mn along n (Toy-R)"; }
    @Override protected TwoStageProblem<?> problem() { return toy; }
    @Override protected ToyLimit closedForm() { return toy.closedForm(); }
}
