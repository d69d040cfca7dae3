package twostage.factor;

import twostage.check.CheckContext;

/**
 * The headline FACTOR instance of the catalogue (Corollary 6.4 entry): d = 6, k = 2, singular values of A* equal to
 * (3, 0.7), random U1 and rotation, beta* random with |beta*| = 1, sigma_nu^2 = 0.5; seeded from the stream
 * "Corollary 6.4/instance".
 */
final class Corollary64Instance {

    private Corollary64Instance() {
    }

    static FactorModel of(CheckContext ctx) {
        return FactorModel.random(6, new double[] {3, 0.7}, 1.0, 0.5, ctx.rng("Corollary 6.4/instance", 0));
    }
}
