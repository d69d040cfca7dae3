package twostage.properties;

import java.util.function.BiFunction;
import twostage.engine.TwoStageProblem;
import twostage.random.Rng;

/**
 * A two-stage instance under property test, with a generator of representatives near its truth.
 *
 * @param name     instance name for reports
 * @param problem  the instance
 * @param nearTruth draws a representative w near w* (scale given), so properties hold on the local chart
 * @param symmetric whether the group acts non-trivially (so orbit properties can be broken on purpose)
 * @param <G>      group element type
 */
public record Subject<G>(String name, TwoStageProblem<G> problem, BiFunction<Rng, Double, double[]> nearTruth,
                         boolean symmetric) {

    /** w* plus N(0, scale^2) noise on every coordinate. */
    public static <G> Subject<G> gaussianNearTruth(String name, TwoStageProblem<G> problem, boolean symmetric) {
        return new Subject<>(name, problem, (rng, scale) -> {
            double[] w = problem.pretraining().truth().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] += scale * rng.gaussian();
            }
            return w;
        }, symmetric);
    }

    public double[] draw(Rng rng) {
        return nearTruth.apply(rng, 0.05);
    }
}
