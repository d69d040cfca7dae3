package twostage.mest;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.linalg.Vectors;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * A numerical validator of the M-estimation conditions, Assumption D.2 (Euclidean, p. 36) and Assumption D.5
 * (Riemannian, p. 39), on a given instance. What it can decide numerically:
 * <ul>
 *   <li>(i) identification: O* is a critical point of F (central differences of F along the tangent basis through
 *       the retraction, tolerance 1e-6 (1 + |F(O*)|)), and F separates O*: the smallest of
 *       (F(R(eps u)) - F(O*)) / eps^2 over eps in {0.05, 0.3} and directions u (the eigenvectors of H*, whose
 *       smallest is the least separated direction, plus 8 random ones) must exceed 1e-9 (1 + |F(O*)|);</li>
 *   <li>(iii) finite score second moments: tr Sigma* must be finite; then a Monte Carlo estimate of
 *       E||grad f(O*; Z)||^2 must agree with tr Sigma* and the mean score with 0 (within Z standard errors);</li>
 *   <li>(iv) invertible Hessian: the smallest eigenvalue of H* must exceed 1e-8 max(1, largest); H* must also
 *       agree with second differences of F along the retraction (relative 1e-4; the retractions used are exact
 *       or second order, and O* is critical, so these second differences converge to the Riemannian Hessian).</li>
 * </ul>
 * (ii) and (v) are uniform laws of large numbers on a compact ball; they are not decided numerically (they hold
 * for the smooth instances used here by standard arguments) and are reported as such.
 */
public final class MEstimationConditions {

    private MEstimationConditions() {
    }

    /**
     * The validator's findings.
     *
     * @param assumption "Assumption D.2" or "Assumption D.5"
     * @param evidence   what was compared (CONTROL role: an instance meant to satisfy the assumption)
     * @param violations one line per violated condition, naming it; empty when all decided conditions hold
     */
    public record Report(String assumption, String instance, List<Evidence> evidence, List<String> violations) {

        public boolean satisfied() {
            return violations.isEmpty();
        }

        /** @throws IllegalArgumentException naming every violated condition */
        public Report require() {
            if (!satisfied()) {
                throw new twostage.check.AssumptionViolation(assumption, "by " + instance + ": "
                        + String.join("; ", violations));
            }
            return this;
        }
    }

    /** Validates and throws unless every decided condition holds. */
    public static Report require(String assumption, MEstimationProblem problem, Rng rng, int mcDraws) {
        return evaluate(assumption, problem, rng, mcDraws).require();
    }

    /** Evaluates the conditions on {@code problem} with {@code mcDraws} Monte Carlo draws of the score. */
    public static Report evaluate(String assumption, MEstimationProblem problem, Rng rng, int mcDraws) {
        List<Evidence> ev = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        DescriptorManifold man = problem.manifold();
        double[] o = problem.truth();
        DMatrixRMaj b = man.tangentBasis(o);
        int dim = b.numCols;
        double f0 = problem.populationLoss(o);
        double scale = 1 + Math.abs(f0);
        String tag = assumption + " on " + problem.describe();

        DMatrixRMaj h = problem.hessian().copy();
        RandomMatrices.symmetrize(h);
        SymmetricEigen eig = SymmetricEigen.of(h);
        double lmax = eig.values()[0];
        double lmin = eig.values()[dim - 1];

        // (i) criticality
        double worstSlope = 0;
        double worstCurv = 0;
        for (int j = 0; j < dim; j++) {
            double[] u = column(b, j);
            double hstep = 1e-4;
            double fp = problem.populationLoss(man.retract(o, Vectors.scale(hstep, u)));
            double fm = problem.populationLoss(man.retract(o, Vectors.scale(-hstep, u)));
            worstSlope = Math.max(worstSlope, Math.abs(fp - fm) / (2 * hstep));
            double h2 = 1e-3;
            double gp = problem.populationLoss(man.retract(o, Vectors.scale(h2, u)));
            double gm = problem.populationLoss(man.retract(o, Vectors.scale(-h2, u)));
            double second = (gp - 2 * f0 + gm) / (h2 * h2);
            worstCurv = Math.max(worstCurv, Math.abs(second - h.get(j, j)) / Math.max(1, Math.abs(h.get(j, j))));
        }
        Evidence crit = Evidence.atMost("(i) max |dF(O*)[b_j]| by central differences", Role.CONTROL, worstSlope,
                1e-6 * scale, tag);
        ev.add(crit);
        if (!crit.passed()) {
            bad.add("(i) O* is not a critical point of F (directional derivative " + worstSlope + ")");
        }

        // (i) separation along eigen-directions of H* and random directions
        List<double[]> dirs = new ArrayList<>();
        for (int j = 0; j < dim; j++) {
            dirs.add(Mat.mult(b, Mat.col(column(eig.vectors(), j))).getData());
        }
        for (int r = 0; r < 8; r++) {
            double[] c = rng.gaussians(dim);
            double[] u = Mat.mult(b, Mat.col(Vectors.scale(1 / Vectors.norm(c), c))).getData();
            dirs.add(u);
        }
        double margin = Double.POSITIVE_INFINITY;
        double worstEps = 0;
        for (double eps : new double[] {0.05, 0.3}) {
            for (double[] u : dirs) {
                double gap = (problem.populationLoss(man.retract(o, Vectors.scale(eps, u))) - f0) / (eps * eps);
                if (gap < margin) {
                    margin = gap;
                    worstEps = eps;
                }
            }
        }
        Evidence sep = Evidence.atLeast("(i) min (F(R(eps u)) - F(O*)) / eps^2 over directions u, eps", Role.CONTROL,
                margin, 1e-9 * scale, tag + "; worst at eps=" + worstEps);
        ev.add(sep);
        if (!sep.passed()) {
            bad.add("(i) F does not separate O* (identification): (F(O) - F(O*))/eps^2 = " + margin + " at eps="
                    + worstEps);
        }

        // (iv) invertible Hessian, and H* equal to the second differences of F
        Evidence inv = Evidence.atLeast("(iv) smallest eigenvalue of H*", Role.CONTROL, lmin, 1e-8 * Math.max(1, lmax),
                tag + "; largest " + lmax);
        ev.add(inv);
        if (!inv.passed()) {
            bad.add("(iv) H* is not invertible: smallest eigenvalue " + lmin + " (largest " + lmax + ")");
        }
        Evidence curv = Evidence.atMost("(iv) max relative |b_j^T H* b_j - second difference of F along R|",
                Role.CONTROL, worstCurv, 1e-4, tag);
        ev.add(curv);
        if (!curv.passed()) {
            bad.add("(iv) the stated H* is not the Hessian of F (relative error " + worstCurv + ")");
        }

        // (iii) finite score second moments
        DMatrixRMaj sigma = problem.scoreCovariance();
        double tr = Mat.trace(sigma);
        boolean finite = !Double.isNaN(tr) && !Double.isInfinite(tr);
        ev.add(Evidence.condition("(iii) tr Sigma* = E||grad f(O*; Z)||^2 is finite", Role.CONTROL, finite,
                tag + "; tr Sigma* = " + tr));
        if (!finite) {
            bad.add("(iii) infinite score second moment: tr Sigma* = " + tr);
        } else if (mcDraws >= 2) {
            double[] sq = new double[mcDraws];
            double[] proj = new double[mcDraws];
            double[] u = rng.gaussians(dim);
            u = Vectors.scale(1 / Vectors.norm(u), u);
            for (int i = 0; i < mcDraws; i++) {
                double[] s = Mat.multTransA(b, Mat.col(problem.score(o, problem.sample(rng)))).getData();
                sq[i] = Vectors.dot(s, s);
                proj[i] = Vectors.dot(u, s);
            }
            MonteCarlo msq = MonteCarlo.of(sq);
            MonteCarlo mp = MonteCarlo.of(proj);
            Evidence e2 = Evidence.withinSE("(iii) Monte Carlo E||grad f(O*; Z)||^2 vs tr Sigma*", Role.CONTROL,
                    msq.mean(), tr, msq.standardError(), twostage.check.FalseAlarm.Z, tag + "; " + mcDraws + " draws");
            Evidence e1 = Evidence.withinSE("(i) Monte Carlo E<u, grad f(O*; Z)> vs 0 (O* critical)", Role.CONTROL,
                    mp.mean(), 0, mp.standardError(), twostage.check.FalseAlarm.Z, tag + "; random unit u");
            ev.add(e2);
            ev.add(e1);
            if (!e2.passed()) {
                bad.add("(iii) the stated Sigma* disagrees with the Monte Carlo score second moment");
            }
            if (!e1.passed()) {
                bad.add("(i) the mean score at O* is not 0");
            }
        }
        ev.add(Evidence.info("(ii), (v) uniform laws on a compact ball: not decided numerically", Double.NaN, tag));
        return new Report(assumption, problem.describe(), List.copyOf(ev), List.copyOf(bad));
    }

    /**
     * Negative control of a validator: an instance that violates {@code condition} (e.g. "(iv)") must be rejected by
     * {@link #require} with a message naming it. Returns a CONTROL condition that holds exactly then.
     */
    public static Evidence rejects(String assumption, MEstimationProblem violating, String condition, Rng rng,
                                   int mcDraws) {
        String message;
        try {
            require(assumption, violating, rng, mcDraws);
            message = "";
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        boolean named = message.contains(condition);
        return Evidence.condition("validator rejects an instance violating " + assumption + " " + condition
                + ", naming it", Role.CONTROL, named, violating.describe() + "; message: "
                + (message.isEmpty() ? "(accepted)" : message));
    }

    private static double[] column(DMatrixRMaj a, int j) {
        double[] c = new double[a.numRows];
        for (int i = 0; i < a.numRows; i++) {
            c[i] = a.get(i, j);
        }
        return c;
    }
}
