package twostage.ls;

import twostage.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Proposition B.1 (p. 25, restated p. 48) on G-LIN, where the test-point integral is an exact finite sum: the
 * conditional risk of min-norm OLS, R = E[(Y_new - f_n(X_new))^2 | design], equals
 * sigma^2 + Rep + Leak_n + (sigma^2/n) tr(Sigma Sigma_n^+). R is computed from its definition
 * ({@link ConditionalRisk}: theta = Phi^+ (f + eps) is linear in the labels, so the noise average is an exact trace;
 * and by Monte Carlo over noise vectors, CI 20000 / PAPER 100000 draws) and compared with {@link RiskDecomposition}.
 * Four instances: tanh features with n < p; tanh features with n > p; tanh features with two repeated columns
 * (rank-deficient Phi and Sigma); quadratic features (B^T x, (B^T x)^2). Nonlinear f*, so Rep > 0. Rep and Leak_n are
 * also computed as the L2 norms ||(I - Pi) f*||^2 and ||Pi_n f* - Pi f*||^2 from the projectors on the support.
 * Tolerance {@link Tolerance#forDesignAndMoments} times max(1, R).
 *
 * <p>Negative controls: heteroskedastic noise (variance proportional to exp(2 x_1), same mean sigma^2) and the variance
 * term with tr(Sigma_n^+ Sigma_n); both must break the identity. False-alarm rate: 4 Monte Carlo comparisons at
 * 4.2e-6 each, below 1.7e-5.
 */
public final class PropositionB1FiniteSupportCheck implements Check {

    @Override public String claimId() { return "Proposition B.1"; }
    @Override public String name() { return "exact conditional risk decomposition on G-LIN (finite support)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "For min-norm OLS on fixed features and a fixed design, E[(Y_new - f_n(X_new))^2 | design] = sigma^2 + "
                + "Rep + Leak_n + (sigma^2/n) tr(Sigma Sigma_n+), with Rep = ||(I - Pi) f*||^2 and "
                + "Leak_n = ||Pi_n f* - Pi f*||^2 in L2(mu_down).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int draws = ctx.scale().pick(20000, 100000);
        double sigma2 = 0.5;
        String[] labels = {"tanh, n < p", "tanh, n > p", "tanh, repeated features", "quadratic features"};
        int[][] sizes = {{7, 0, 4}, {5, 0, 25}, {6, 2, 20}, {3, 0, 10}};
        Worst reps = Worst.max();
        Worst leaks = Worst.max();
        for (int c = 0; c < labels.length; c++) {
            Rng rng = ctx.rng(claimId() + "/G-LIN", c);
            FiniteSupportLaw law = c < 3 ? RandomInstances.finiteSupport(50, 3, sizes[c][0], sizes[c][1], rng)
                    : quadraticLaw(rng);
            int[] design = law.sampleDesign(sizes[c][2], rng);
            DMatrixRMaj phi = law.designFeatures(design);
            double[] fStar = law.targetOnDesign(design);
            RiskParts parts = RiskComparison.compare(res, labels[c], law, phi, fStar, sigma2,
                    heteroskedastic(law, design, sigma2), draws, rng);
            PopulationProjector pop = PopulationProjector.of(law);
            double[] target = law.target();
            double tol = Tolerance.forDesignAndMoments(phi, law.sigma()) * Math.max(1, law.normSquared(target));
            reps.record(Math.abs(pop.representationError() - parts.rep()), tol, labels[c]);
            double[] leak = Vectors.sub(EmpiricalProjector.of(law, design).apply(target), pop.apply(target));
            leaks.record(Math.abs(law.normSquared(leak) - parts.leak()), tol, labels[c]);
        }
        res.add(Evidence.atMost("max |Rep (CF1) - ||(I - Pi) f*||^2_L2| in units of tol", Role.CONTROL, reps.ratio(),
                1.0, reps.note()));
        res.add(Evidence.atMost("max |Leak_n (CF1) - ||Pi_n f* - Pi f*||^2_L2| in units of tol", Role.CONTROL,
                leaks.ratio(), 1.0, leaks.note()));
        return res.build();
    }

    private static FiniteSupportLaw quadraticLaw(Rng rng) {
        DMatrixRMaj points = RandomMatrices.gaussian(50, 3, rng);
        DMatrixRMaj b = RandomMatrices.gaussian(3, 3, rng);
        return FiniteSupportLaw.uniform(points, FeatureMap.quadratic(b), RandomInstances.NONLINEAR_TARGET);
    }

    /** Noise variances sigma^2 a(x) at the design points, a(x) proportional to exp(2 x_1) with E a(X) = 1. */
    private static double[] heteroskedastic(FiniteSupportLaw law, int[] design, double sigma2) {
        double[] first = law.coordinate(0);
        double[] a = new double[law.size()];
        double mean = 0;
        for (int s = 0; s < a.length; s++) {
            a[s] = Math.exp(2 * first[s]);
            mean += law.weight(s) * a[s];
        }
        return Vectors.scale(sigma2 / mean, law.evaluate(design, a));
    }
}
