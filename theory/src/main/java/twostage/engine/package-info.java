/**
 * The contract of a two-stage problem ({@link twostage.engine.TwoStageProblem} and its parts), the limit-law engine of
 * Theorem 5.1 ({@link twostage.engine.LimitLawEngine} to {@link twostage.engine.LimitLaw}), the finite-sample
 * simulator of the exact conditional risk ({@link twostage.engine.FiniteSampleSimulator}), and generic checks
 * (Lemma 4.1, Proposition G.23).
 *
 * <p>A new instance implements {@code TwoStageProblem} (optionally {@link twostage.engine.ExactScoreCovariance} on its
 * pre-training model and {@link twostage.engine.EquivalentDesign} on its downstream model) and gets a concrete subclass
 * of the abstract {@code TwoStageProblemContractTest} from this module's test-jar. Then
 * {@code LimitLawEngine.compute(problem, rng)} gives its limit law from first principles and
 * {@code FiniteSampleSimulator.run(problem, alpha, n, reps, ctx, stream)} the law of E_{m,n} at finite sizes.
 */
package twostage.engine;
