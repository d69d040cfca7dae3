package twostage.toy;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.engine.DownstreamModel;
import twostage.engine.ExactScoreCovariance;
import twostage.engine.PretrainingModel;
import twostage.engine.Representation;
import twostage.engine.SymmetryGroup;
import twostage.engine.TwoStageProblem;
import twostage.linalg.Checks;
import twostage.random.Rng;

/**
 * A toy with a genuine (finite) symmetry, for the structural properties: G = Z_2 = {+1, -1} acting on w in R by
 * w -> g w.
 * <ul>
 *   <li>Pre-training: l(w; z) = (w^2 - z)^2 / 4 with z ~ N(mu, s^2), mu > 0: invariant under w -> -w. The orbit
 *       {+-sqrt(mu)} minimises; the descriptor D(w) = w^2 lives on the manifold (0, inf) with section
 *       s(Omega) = sqrt(Omega). In descriptor coordinates L(Omega) = ((Omega - mu)^2 + s^2)/4, so H* = 1/2, the score
 *       (Omega - z)/2 has variance s^2/4 and V = s^2. The estimate: the minimiser is w^2 = zbar (when zbar > 0), and
 *       zbar is drawn exactly as N(mu, s^2/m); the representative's sign is drawn at random, since only the orbit
 *       is identified.</li>
 *   <li>Downstream: x ~ N(0, I_3), psi(x, w) = (w x_1, x_2 + w^2 x_3), rho(g) = diag(g, 1), which is orthogonal
 *       and a homomorphism, and psi(x, g w) = rho(g) psi(x, w). Target f* = theta*^T psi(x, w*) with theta* = (1, 1),
 *       i.e. f* = sqrt(mu) x_1 + x_2 + mu x_3.</li>
 * </ul>
 * Closed forms: the class is regular (d_eff = d_act = 2), h_v = v (x_1 / (2 sqrt mu) + x_3) and
 * ||L(v)||^2 = v^2 / (1 + mu^2), so E_{m,n} converges in law to 2 sigma^2 + alpha^-1 s^2/(1 + mu^2) chi2_1;
 * d_base = 3 (span{x_1, x_2, x_3}).
 */
public final class ToySignFlip implements TwoStageProblem<ToySignFlip.Sign> {

    /** An element of Z_2. */
    public enum Sign {
        PLUS(1), MINUS(-1);

        final int value;

        Sign(int value) {
            this.value = value;
        }
    }

    private final double mu;
    private final double s;
    private final GaussianLinearFeatures down;

    public ToySignFlip(double mu, double s, double sigma2) {
        this.mu = Checks.requirePositive("pre-training mean mu (the orbit must avoid the fixed point 0)", mu);
        this.s = Checks.requirePositive("pre-training noise scale s", s);
        double r = Math.sqrt(mu);
        this.down = new GaussianLinearFeatures(GaussianLinearFeatures.identity(3), new double[] {r, 1, mu}, sigma2, 2,
                w -> GaussianLinearFeatures.matrix(new double[][] {{w[0], 0}, {0, 1}, {0, w[0] * w[0]}}));
    }

    public static ToySignFlip standard() {
        return new ToySignFlip(1.0, 1.0, 1.0);
    }

    /** 2 sigma^2 + alpha^-1 s^2/(1 + mu^2) chi2_1, d_eff = d_act = 2, d_base = 3. */
    public ToyLimit closedForm() {
        return new ToyLimit(down.noiseVariance(), 2, 2, 3, s * s / (1 + mu * mu));
    }

    @Override public String name() { return "Toy-signflip"; }
    @Override public Representation representation() { return down; }
    @Override public DownstreamModel downstream() { return down; }

    @Override
    public PretrainingModel pretraining() {
        return new Pretraining();
    }

    private final class Pretraining implements PretrainingModel, ExactScoreCovariance {
        @Override public int parameterDimension() { return 1; }
        @Override public double[] truth() { return new double[] {Math.sqrt(mu)}; }
        @Override public double[] sample(Rng rng) { return new double[] {mu + s * rng.gaussian()}; }

        @Override
        public double loss(double[] w, double[] z) {
            double r = w[0] * w[0] - z[0];
            return 0.25 * r * r;
        }

        @Override
        public double[] gradient(double[] w, double[] z) {
            return new double[] {(w[0] * w[0] - z[0]) * w[0]};
        }

        @Override
        public DMatrixRMaj hessian(double[] w, double[] z) {
            return new DMatrixRMaj(new double[][] {{3 * w[0] * w[0] - z[0]}});
        }

        @Override
        public double populationLoss(double[] w) {
            double r = w[0] * w[0] - mu;
            return 0.25 * (r * r + s * s);
        }

        /** +-sqrt(max(zbar, 0)) with zbar drawn exactly as N(mu, s^2/m) and a random sign. */
        @Override
        public double[] estimate(int m, Rng rng) {
            if (m < 1) {
                throw new IllegalArgumentException("pre-training sample size m must be >= 1, got " + m);
            }
            double zbar = mu + s / Math.sqrt(m) * rng.gaussian();
            double sign = rng.nextDouble() < 0.5 ? -1 : 1;
            return new double[] {sign * Math.sqrt(Math.max(zbar, 0.0))};
        }

        /** E[((w*^2 - z) w*)^2] = s^2 mu. */
        @Override
        public DMatrixRMaj scoreSecondMoment() {
            return new DMatrixRMaj(new double[][] {{s * s * mu}});
        }
    }

    @Override
    public SymmetryGroup<Sign> group() {
        return new SymmetryGroup<>() {
            @Override public Sign identity() { return Sign.PLUS; }
            @Override public Sign compose(Sign a, Sign b) { return a == b ? Sign.PLUS : Sign.MINUS; }
            @Override public Sign inverse(Sign g) { return g; }
            @Override public Sign random(Rng rng) { return rng.nextDouble() < 0.5 ? Sign.PLUS : Sign.MINUS; }
            @Override public double[] act(Sign g, double[] w) { return new double[] {g.value * w[0]}; }
            @Override public DMatrixRMaj rho(Sign g) { return new DMatrixRMaj(new double[][] {{g.value, 0}, {0, 1}}); }
        };
    }

    @Override
    public DescriptorManifold descriptor() {
        return new DescriptorManifold() {
            @Override public int ambientDimension() { return 1; }
            @Override public int dimension() { return 1; }
            @Override public double[] descriptor(double[] w) { return new double[] {w[0] * w[0]}; }

            @Override
            public double[] section(double[] omega) {
                if (!(omega[0] > 0)) {
                    throw new IllegalArgumentException("the section sqrt(Omega) needs Omega > 0 (the manifold is"
                            + " (0, inf)), got " + omega[0]);
                }
                return new double[] {Math.sqrt(omega[0])};
            }

            @Override public DMatrixRMaj tangentBasis(double[] omega) { return new DMatrixRMaj(new double[][] {{1}}); }
            @Override public double[] projectTangent(double[] omega, double[] v) { return v.clone(); }
            @Override public double[] retract(double[] omega, double[] xi) { return new double[] {omega[0] + xi[0]}; }

            /** Exact: other - Omega (the manifold is an open interval). */
            @Override public double[] log(double[] omega, double[] other) { return new double[] {other[0] - omega[0]}; }
        };
    }
}
