package twostage.toy;

import twostage.engine.DescriptorManifold;
import twostage.engine.EuclideanDescriptor;
import twostage.engine.PretrainingModel;
import twostage.engine.Representation;
import twostage.engine.SymmetryGroup;
import twostage.engine.TrivialGroup;
import twostage.engine.TwoStageProblem;
import twostage.engine.DownstreamModel;

/**
 * Toy-R of the catalogue (Section 4, CF15): the regular case of Theorem 5.1 with every quantity in closed form.
 * <ul>
 *   <li>Pre-training: l(omega; z) = (omega - z)^2 / 2 with z ~ N(0, s^2), so omega* = 0, H = 1, Sigma* = s^2, V = s^2.
 *       The estimate is the sample mean, drawn exactly as N(0, s^2/m) (see {@link GaussianMeanPretraining}).</li>
 *   <li>Downstream: x ~ N(0, I_2), psi(x, omega) = x_1 + omega x_2 (p = 1), f* = x_1, noise sigma^2.</li>
 *   <li>No symmetry (trivial group), Euclidean descriptor on R^1.</li>
 * </ul>
 * Closed forms: Rep(omega) = omega^2/(1 + omega^2), L(v) = -v x_2, ||L(Z)||^2 = Z^2 ~ s^2 chi2_1, d_eff = d_act = 1,
 * d_base = 2, alpha0 = s^2/sigma^2, and E_{m,n} converges in law to sigma^2 + alpha^-1 s^2 chi2_1.
 */
public final class ToyRegular implements TwoStageProblem<TrivialGroup.Element> {

    private final GaussianMeanPretraining pre;
    private final GaussianLinearFeatures down;
    private final double s;

    public ToyRegular(double s, double sigma2) {
        this.pre = new GaussianMeanPretraining(new double[] {0.0}, s);
        this.s = s;
        this.down = new GaussianLinearFeatures(GaussianLinearFeatures.identity(2), new double[] {1, 0}, sigma2, 1,
                w -> GaussianLinearFeatures.matrix(new double[][] {{1}, {w[0]}}));
    }

    /** s = 1, sigma^2 = 1 (so alpha0 = 1). */
    public static ToyRegular standard() {
        return new ToyRegular(1.0, 1.0);
    }

    /** Rep(omega) = omega^2 / (1 + omega^2). */
    public static double representationError(double omega) {
        return omega * omega / (1 + omega * omega);
    }

    /** The closed-form limit: sigma^2 + alpha^-1 s^2 chi2_1, d_eff = d_act = 1, d_base = 2. */
    public ToyLimit closedForm() {
        return new ToyLimit(down.noiseVariance(), 1, 1, 2, s * s);
    }

    @Override public String name() { return "Toy-R"; }
    @Override public PretrainingModel pretraining() { return pre; }
    @Override public SymmetryGroup<TrivialGroup.Element> group() { return new TrivialGroup(1); }
    @Override public DescriptorManifold descriptor() { return new EuclideanDescriptor(1); }
    @Override public Representation representation() { return down; }
    @Override public DownstreamModel downstream() { return down; }
}
