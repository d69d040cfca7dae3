package twostage.engine;

/**
 * A two-stage problem with a symmetry (Sections 3-4 of the paper): pre-training fits a representation parameter w by
 * an M-estimator whose loss is invariant under a group G; only the orbit of w is identifiable, seen through a
 * descriptor Omega = D(w) on a manifold; fine-tuning fits min-norm OLS on the features psi(x, w).
 *
 * <p>Implementations: the toy instances of this module and the three case studies. A new instance is one class
 * implementing this interface plus a small subclass of the abstract contract test.
 *
 * @param <G> the type of a group element
 */
public interface TwoStageProblem<G> {

    /** A short name for reports, e.g. "Toy-R". */
    String name();

    /** The pre-training loss, its sampler and estimator, in representative coordinates w. */
    PretrainingModel pretraining();

    /** The symmetry group, its action on w and the homomorphism rho into O(p) of (4.3). */
    SymmetryGroup<G> group();

    /** The descriptor D, its manifold M and a local section s near Omega* = D(w*). */
    DescriptorManifold descriptor();

    /** The representation psi(x, w). */
    Representation representation();

    /** The downstream law of X, the target f*, the noise variance sigma^2 and population moments of psi. */
    DownstreamModel downstream();
}
