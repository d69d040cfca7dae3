package twostage.toy;

import twostage.engine.DescriptorManifold;
import twostage.engine.DownstreamModel;
import twostage.engine.EuclideanDescriptor;
import twostage.engine.PretrainingModel;
import twostage.engine.Representation;
import twostage.engine.SymmetryGroup;
import twostage.engine.TrivialGroup;
import twostage.engine.TwoStageProblem;

/**
 * A toy where pre-training only rescales the feature (the second case of the check of Proposition G.23): pre-training as
 * in Toy-R (omega* = 0, estimate drawn exactly as N(0, s^2/m)); x ~ N(0, 1), psi(x, omega) = (1 + omega) x, f* = x.
 * The class H_omega = span{x} does not move, so Rep = 0 near omega* and L = 0; d_eff = d_act = d_base = 1, and
 * E_{m,n} converges in law to the constant sigma^2. alpha0 is undefined (d_base = d_eff).
 */
public final class ToyRescaled implements TwoStageProblem<TrivialGroup.Element> {

    private final GaussianMeanPretraining pre;
    private final GaussianLinearFeatures down;

    public ToyRescaled(double s, double sigma2) {
        this.pre = new GaussianMeanPretraining(new double[] {0.0}, s);
        this.down = new GaussianLinearFeatures(GaussianLinearFeatures.identity(1), new double[] {1}, sigma2, 1,
                w -> GaussianLinearFeatures.matrix(new double[][] {{1 + w[0]}}));
    }

    public static ToyRescaled standard() {
        return new ToyRescaled(1.0, 1.0);
    }

    /** sigma^2 d_act with d_act = 1 and no interaction term. */
    public ToyLimit closedForm() {
        return new ToyLimit(down.noiseVariance(), 1, 1, 1, 0.0);
    }

    @Override public String name() { return "Toy-rescaled"; }
    @Override public PretrainingModel pretraining() { return pre; }
    @Override public SymmetryGroup<TrivialGroup.Element> group() { return new TrivialGroup(1); }
    @Override public DescriptorManifold descriptor() { return new EuclideanDescriptor(1); }
    @Override public Representation representation() { return down; }
    @Override public DownstreamModel downstream() { return down; }
}
