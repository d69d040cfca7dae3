package twostage.toy;

import twostage.engine.TwoStageProblem;

/**
 * {@link Theorem51ToyCheck} on the sign-flip toy (G = Z_2 acting by w -> -w, descriptor D(w) = w^2, representative
 * sign drawn at random by the estimator) with mu = 1, s = 3, sigma^2 = 1: limit 2 sigma^2 + alpha^-1 s^2/(1 + mu^2)
 * chi2_1 (weight 4.5), the end-to-end pipeline with a genuine symmetry. s = 3 keeps the interaction weight comparable
 * with the other toy checks (see the edge effect in {@link Theorem51ToyCheck}).
 */
public final class Theorem51ToySignFlipCheck extends Theorem51ToyCheck {

    private final ToySignFlip toy = new ToySignFlip(1.0, 3.0, 1.0);

    @Override public String name() { return "limit law of E_mn along n (sign-flip toy, Z_2 symmetry)"; }
    @Override protected TwoStageProblem<?> problem() { return toy; }
    @Override protected ToyLimit closedForm() { return toy.closedForm(); }
}
