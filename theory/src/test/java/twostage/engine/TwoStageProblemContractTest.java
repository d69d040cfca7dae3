package twostage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.check.Scale;
import twostage.linalg.Mat;
import twostage.random.Rng;
import twostage.stats.KolmogorovSmirnov;
import twostage.stats.MonteCarlo;

/**
 * The contract every {@link TwoStageProblem} must meet (Sections 3-4 of the paper): loss invariance (4.1), orthogonal
 * equivariance (4.3) with rho a homomorphism into O(p), a descriptor constant on orbits with a section inverting it
 * near Omega*, derivatives of the loss consistent with the loss (Taylor-remainder slopes), population moments
 * consistent with sampled inputs, and a limit law of the engine consistent with a small simulation.
 *
 * <p>A new instance gets a concrete subclass {@code XxxContractTest} providing {@link #problem()}. Random draws are
 * seeded; the statistical comparisons use {@link FalseAlarm#Z} and {@link FalseAlarm#ALPHA}. Exact identities use
 * tolerance 1e-10 scaled by (1 + magnitude of the compared values).
 *
 * @param <G> the group element type
 */
public abstract class TwoStageProblemContractTest<G> {

    /** The instance under test. */
    protected abstract TwoStageProblem<G> problem();

    /** Points near the truth where the local properties are tested; override if the instance needs a smaller ball. */
    protected double neighbourhood() {
        return 0.05;
    }

    /** Downstream ratio alpha and sizes for the smoke test; override to make it cheaper or larger. */
    protected int smokeN() {
        return 4000;
    }

    protected int smokeReplications() {
        return 400;
    }

    protected Rng rng(String test) {
        return CheckContext.defaults().rng(problem().name() + "/" + test, 0);
    }

    /** w* + r u with u a random unit vector and r uniform in [0, neighbourhood()]. */
    protected double[] nearTruth(Rng rng) {
        double[] w = problem().pretraining().truth();
        double[] u = rng.gaussians(w.length);
        double n = LimitLawEngine.norm(u);
        double r = neighbourhood() * rng.nextDouble();
        for (int i = 0; i < w.length; i++) {
            w[i] += r * u[i] / n;
        }
        return w;
    }

    @Test
    void lossIsInvariantUnderTheGroup() {
        TwoStageProblem<G> p = problem();
        Rng rng = rng("invariance");
        for (int t = 0; t < 20; t++) {
            G g = p.group().random(rng);
            double[] w = nearTruth(rng);
            double[] z = p.pretraining().sample(rng);
            double a = p.pretraining().loss(w, z);
            double b = p.pretraining().loss(p.group().act(g, w), z);
            assertEquals(a, b, 1e-10 * (1 + Math.abs(a)), "l(g.w; z) = l(w; z)");
        }
    }

    @Test
    void rhoIsAnOrthogonalHomomorphismAndFeaturesAreEquivariant() {
        TwoStageProblem<G> p = problem();
        SymmetryGroup<G> grp = p.group();
        int dim = p.representation().featureDimension();
        Rng rng = rng("equivariance");
        assertTrue(Mat.dist(grp.rho(grp.identity()), Mat.identity(dim)) < 1e-12, "rho(e) = I");
        for (int t = 0; t < 20; t++) {
            G a = grp.random(rng);
            G b = grp.random(rng);
            DMatrixRMaj ra = grp.rho(a);
            assertTrue(Mat.dist(Mat.multTransB(ra, ra), Mat.identity(dim)) < 1e-10 * dim, "rho(g) orthogonal");
            assertTrue(Mat.dist(grp.rho(grp.compose(a, b)), Mat.mult(ra, grp.rho(b))) < 1e-10 * dim,
                    "rho(ab) = rho(a) rho(b)");
            assertTrue(Mat.dist(grp.rho(grp.compose(a, grp.inverse(a))), Mat.identity(dim)) < 1e-10 * dim,
                    "rho(a a^-1) = I");
            double[] w = nearTruth(rng);
            double[] ab = grp.act(grp.compose(a, b), w);
            double[] aOfB = grp.act(a, grp.act(b, w));
            for (int i = 0; i < w.length; i++) {
                assertEquals(ab[i], aOfB[i], 1e-10 * (1 + Math.abs(ab[i])), "(ab).w = a.(b.w)");
            }
            DMatrixRMaj x = p.downstream().sampleInputs(5, rng);
            DMatrixRMaj phi = p.representation().features(w, x);
            DMatrixRMaj phiG = p.representation().features(grp.act(a, w), x);
            assertTrue(Mat.dist(phiG, Mat.multTransB(phi, ra)) <= 1e-10 * (1 + Mat.frob(phi)),
                    "psi(x, g.w) = rho(g) psi(x, w)");
        }
    }

    @Test
    void descriptorIsConstantOnOrbitsAndSectionInvertsIt() {
        TwoStageProblem<G> p = problem();
        DescriptorManifold man = p.descriptor();
        Rng rng = rng("descriptor");
        double[] wStar = p.pretraining().truth();
        double[] omegaStar = man.descriptor(wStar);
        assertEquals(man.ambientDimension(), omegaStar.length, "q");
        double[] back = man.section(omegaStar);
        for (int i = 0; i < wStar.length; i++) {
            assertEquals(wStar[i], back[i], 1e-10 * (1 + Math.abs(wStar[i])), "truth() = s(Omega*)");
        }
        DMatrixRMaj e = man.tangentBasis(omegaStar);
        assertTrue(Mat.dist(Mat.multTransA(e, e), Mat.identity(man.dimension())) < 1e-10, "orthonormal tangent basis");
        for (int t = 0; t < 20; t++) {
            double[] w = nearTruth(rng);
            double[] d = man.descriptor(w);
            double[] dg = man.descriptor(p.group().act(p.group().random(rng), w));
            assertClose(d, dg, "D(g.w) = D(w)");
            double[] xi = man.projectTangent(omegaStar, scaledGaussian(rng, omegaStar.length, neighbourhood()));
            assertClose(xi, man.projectTangent(omegaStar, xi), "P_T idempotent");
            double[] omega = man.retract(omegaStar, xi);
            assertClose(omega, man.descriptor(man.section(omega)), "D(s(Omega)) = Omega");
            double[] lg = man.log(omegaStar, omega);
            double err = 0;
            for (int i = 0; i < xi.length; i++) {
                err = Math.max(err, Math.abs(lg[i] - xi[i]));
            }
            double size = LimitLawEngine.norm(xi);
            assertTrue(err <= 10 * size * size + 1e-10, "log(R(xi)) = xi + O(|xi|^2): " + err + " at |xi| = " + size);
        }
    }

    @Test
    void gradientPassesTaylorRemainderSlopeTest() {
        taylorSlopeTest(1);
    }

    @Test
    void hessianPassesTaylorRemainderSlopeTest() {
        taylorSlopeTest(2);
    }

    /** Remainders of the expansion of l(w + h u; z) to the given order must scale like h^(order + 1). */
    private void taylorSlopeTest(int order) {
        PretrainingModel pre = problem().pretraining();
        Rng rng = rng("taylor-" + order);
        for (int t = 0; t < 5; t++) {
            double[] w = nearTruth(rng);
            double[] z = pre.sample(rng);
            double[] u = unitGaussian(rng, w.length);
            double l0 = pre.loss(w, z);
            double slope = dot(pre.gradient(w, z), u);
            double curv = order < 2 ? 0
                    : Mat.multTransA(Mat.col(u), Mat.mult(pre.hessian(w, z), Mat.col(u))).get(0);
            double[] rem = new double[4];
            for (int j = 0; j < 4; j++) {
                double h = Math.pow(10, -1 - j);
                rem[j] = Math.abs(pre.loss(step(w, u, h), z) - l0 - h * slope - 0.5 * h * h * curv);
            }
            assertSlope(rem, order + 1, 1e-13 * (1 + Math.abs(l0)), "Taylor remainder of order " + order);
        }
    }

    @Test
    void populationLossIsTheMeanLoss() {
        TwoStageProblem<G> p = problem();
        PretrainingModel pre = p.pretraining();
        Rng rng = rng("population-loss");
        double[] w = nearTruth(rng);
        double[] draws = new double[20000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = pre.loss(w, pre.sample(rng));
        }
        MonteCarlo mc = MonteCarlo.of(draws);
        assertEquals(pre.populationLoss(w), mc.mean(), FalseAlarm.Z * mc.standardError() + 1e-12, "L(w) = E l(w; Z)");
    }

    @Test
    void featuresAreSmoothAlongLines() {
        TwoStageProblem<G> p = problem();
        Rng rng = rng("feature-derivative");
        DMatrixRMaj x = p.downstream().sampleInputs(10, rng);
        for (int t = 0; t < 5; t++) {
            double[] w = nearTruth(rng);
            double[] u = unitGaussian(rng, w.length);
            // central differences at h and h/2 differ by O(h^2): Richardson consistency of the derivative
            double[] diff = new double[4];
            for (int j = 0; j < 4; j++) {
                double h = Math.pow(10, -1 - j) * 2;
                diff[j] = Mat.dist(central(p, x, w, u, h), central(p, x, w, u, h / 2));
            }
            assertSlope(diff, 2, 1e-9 * (1 + Mat.frob(p.representation().features(w, x))),
                    "difference of central differences of psi");
        }
    }

    @Test
    void populationMomentsMatchSampledInputs() {
        TwoStageProblem<G> p = problem();
        DownstreamModel down = p.downstream();
        Rng rng = rng("moments");
        double[] w1 = nearTruth(rng);
        double[] w2 = nearTruth(rng);
        int n = 40000;
        DMatrixRMaj x = down.sampleInputs(n, rng);
        DMatrixRMaj f1 = p.representation().features(w1, x);
        DMatrixRMaj f2 = p.representation().features(w2, x);
        double[] y = down.target(x);
        DMatrixRMaj cross = down.crossMoment(w1, w2);
        DMatrixRMaj c = down.targetMoment(w2);
        int dim = f1.numCols;
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                double[] prod = new double[n];
                for (int i = 0; i < n; i++) {
                    prod[i] = f1.get(i, a) * f2.get(i, b);
                }
                assertWithin(prod, cross.get(a, b), down.momentStandardError(), "E[psi_a(w1) psi_b(w2)]");
            }
            double[] prod = new double[n];
            for (int i = 0; i < n; i++) {
                prod[i] = y[i] * f2.get(i, a);
            }
            assertWithin(prod, c.get(a), down.momentStandardError(), "E[f* psi_a(w)]");
        }
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = y[i] * y[i];
        }
        assertWithin(sq, down.targetSecondMoment(), down.momentStandardError(), "E f*^2");
    }

    @Test
    void limitLawAgreesWithASmallSimulation() {
        TwoStageProblem<G> p = problem();
        LimitLaw law = LimitLawEngine.compute(p, rng("limit-law"));
        double alpha = 2.0;
        FiniteSampleSimulator.Simulation sim = FiniteSampleSimulator.run(p, alpha, smokeN(), smokeReplications(),
                CheckContext.of(Scale.CI, 0L, 1, CheckContext.Progress.NONE), p.name() + "/smoke");
        MonteCarlo mc = MonteCarlo.of(sim.total());
        // finite-n bias is O(1/sqrt(n)) relative; allow it on top of the Monte Carlo error
        double bias = law.mean(alpha) * 5 / Math.sqrt(smokeN());
        assertEquals(law.mean(alpha), mc.mean(), FalseAlarm.Z * mc.standardError() + bias, "mean of E_mn vs limit");
        if (law.interactionMean() > 1e-8) {
            KolmogorovSmirnov ks = KolmogorovSmirnov.oneSample(sim.total(), v -> law.cdf(v, alpha));
            assertTrue(ks.pValue() >= FalseAlarm.ALPHA, "KS against the limit law: " + ks);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static DMatrixRMaj central(TwoStageProblem<?> p, DMatrixRMaj x, double[] w, double[] u, double h) {
        DMatrixRMaj plus = p.representation().features(step(w, u, h), x);
        DMatrixRMaj minus = p.representation().features(step(w, u, -h), x);
        return Mat.scale(1 / (2 * h), Mat.sub(plus, minus));
    }

    private static void assertWithin(double[] prod, double reference, double extra, String what) {
        MonteCarlo mc = MonteCarlo.of(prod);
        assertEquals(reference, mc.mean(), FalseAlarm.Z * mc.standardError() + FalseAlarm.Z * extra + 1e-12, what);
    }

    /**
     * The fitted log-log slope of remainders over h = 1e-1..1e-4 must be at least order - 0.2, unless every remainder
     * is at the rounding floor (then the expansion is exact, e.g. a quadratic loss).
     */
    protected static void assertSlope(double[] rem, double order, double floor, String what) {
        boolean allTiny = true;
        for (double r : rem) {
            allTiny &= r <= floor * 1e3;
        }
        if (allTiny) {
            return;
        }
        // fit on the remainders above the floor
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int j = 0; j < rem.length; j++) {
            if (rem[j] > floor * 1e3) {
                double lx = -1 - j;
                double ly = Math.log10(rem[j]);
                n++;
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
            }
        }
        if (n < 2) {
            return;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertTrue(slope >= order - 0.2, what + ": log-log slope " + slope + " < " + order + " - 0.2; remainders "
                + java.util.Arrays.toString(rem));
    }

    private static void assertClose(double[] a, double[] b, String what) {
        assertEquals(a.length, b.length, what + " (length)");
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-10 * (1 + Math.abs(a[i])), what);
        }
    }

    private static double[] step(double[] w, double[] u, double h) {
        double[] r = w.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += h * u[i];
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] unitGaussian(Rng rng, int n) {
        double[] u = rng.gaussians(n);
        double norm = LimitLawEngine.norm(u);
        for (int i = 0; i < n; i++) {
            u[i] /= norm;
        }
        return u;
    }

    private static double[] scaledGaussian(Rng rng, int n, double r) {
        double[] u = unitGaussian(rng, n);
        double s = r * rng.nextDouble();
        for (int i = 0; i < n; i++) {
            u[i] *= s;
        }
        return u;
    }
}
