package twostage.engine;

/** Delegates every part of a problem to another one, hiding optional interfaces (for tests to override parts). */
class TwoStageProblemView<G> implements TwoStageProblem<G> {

    private final TwoStageProblem<G> base;

    TwoStageProblemView(TwoStageProblem<G> base) {
        this.base = base;
    }

    @Override public String name() { return base.name() + " (view)"; }
    @Override public PretrainingModel pretraining() { return new PretrainingView(base.pretraining()); }
    @Override public SymmetryGroup<G> group() { return base.group(); }
    @Override public DescriptorManifold descriptor() { return base.descriptor(); }
    @Override public Representation representation() { return base.representation(); }
    @Override public DownstreamModel downstream() { return base.downstream(); }
}
