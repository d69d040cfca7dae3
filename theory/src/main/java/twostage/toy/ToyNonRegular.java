package twostage.toy;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.engine.DownstreamModel;
import twostage.engine.EuclideanDescriptor;
import twostage.engine.PretrainingModel;
import twostage.engine.Representation;
import twostage.engine.SymmetryGroup;
import twostage.engine.TrivialGroup;
import twostage.engine.TwoStageProblem;
import twostage.linalg.Checks;
import twostage.linalg.PseudoInverse;

/**
 * Toy-NR of the catalogue (Section 4, CF15): a non-regular instance (B0 != {0}) of Theorem 5.1.
 * <ul>
 *   <li>Pre-training as in Toy-R: l(omega; z) = (omega - z)^2/2, z ~ N(0, s^2), estimate drawn exactly as
 *       N(0, s^2/m).</li>
 *   <li>Downstream: x ~ N(0, Sigma) in R^3 (Sigma = I by default, or a correlated Sigma),
 *       psi(x, omega) = (x_1 + omega x_3, omega x_2) (p = 2), f* = x_1, noise sigma^2.</li>
 * </ul>
 * At omega = 0 the second feature vanishes: N* = span(e_2), d_eff = 1. For omega != 0 it activates x_2, so
 * B_v = span{(I - Pi_{x_1 + v x_3}) x_2}, which tends to B0 = span{(I - Pi_{x_1}) x_2} (= span{x_2} when Sigma = I), and
 * d_act = 2. L(v) = -v (I - Pi_{x_1, x_2}) x_3, so ||L(v)||^2 = v^2 / (Sigma^-1)_33 (= v^2 when Sigma = I), and
 * E_{m,n} converges in law to 2 sigma^2 + alpha^-1 s^2 / (Sigma^-1)_33 chi2_1. The tangent space of the function class
 * at f* is span{x_1, x_3}: d_base = 2.
 */
public final class ToyNonRegular implements TwoStageProblem<TrivialGroup.Element> {

    private final GaussianMeanPretraining pre;
    private final GaussianLinearFeatures down;
    private final double s;
    private final boolean correlated;

    /**
     * @param s      pre-training noise scale, > 0
     * @param sigma2 downstream noise variance, >= 0
     * @param sigma  input covariance (3 x 3, positive definite)
     */
    public ToyNonRegular(double s, double sigma2, DMatrixRMaj sigma) {
        Checks.requireShape("Toy-NR input covariance", sigma, 3, 3);
        this.pre = new GaussianMeanPretraining(new double[] {0.0}, s);
        this.s = s;
        this.down = new GaussianLinearFeatures(sigma, new double[] {1, 0, 0}, sigma2, 2,
                w -> GaussianLinearFeatures.matrix(new double[][] {{1, 0}, {0, w[0]}, {w[0], 0}}));
        boolean offDiagonal = false;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                offDiagonal |= i != j && sigma.get(i, j) != 0;
            }
        }
        this.correlated = offDiagonal;
    }

    /** s = 1, sigma^2 = 1, Sigma = I. */
    public static ToyNonRegular standard() {
        return new ToyNonRegular(1.0, 1.0, GaussianLinearFeatures.identity(3));
    }

    /** s = 1, sigma^2 = 1 and a fixed correlated Sigma (unit variances, correlations 0.5, 0.3, -0.4). */
    public static ToyNonRegular correlated() {
        return new ToyNonRegular(1.0, 1.0, GaussianLinearFeatures.matrix(new double[][] {
                {1.0, 0.5, 0.3}, {0.5, 1.0, -0.4}, {0.3, -0.4, 1.0}}));
    }

    /** Whether Sigma has non-zero off-diagonal entries. */
    public boolean isCorrelated() {
        return correlated;
    }

    /** The closed-form limit: 2 sigma^2 + alpha^-1 s^2/(Sigma^-1)_33 chi2_1, d_eff = 1, d_act = 2, d_base = 2. */
    public ToyLimit closedForm() {
        double precision33 = PseudoInverse.pinv(down.inputCovariance()).get(2, 2);
        return new ToyLimit(down.noiseVariance(), 1, 2, 2, s * s / precision33);
    }

    @Override public String name() { return correlated ? "Toy-NR (correlated)" : "Toy-NR"; }
    @Override public PretrainingModel pretraining() { return pre; }
    @Override public SymmetryGroup<TrivialGroup.Element> group() { return new TrivialGroup(2); }
    @Override public DescriptorManifold descriptor() { return new EuclideanDescriptor(1); }
    @Override public Representation representation() { return down; }
    @Override public DownstreamModel downstream() { return down; }
}
