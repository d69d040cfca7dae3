package twostage.engine;

import twostage.ls.MinNormOls;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma 4.1 (p. 6; proof App. E.2.4, p. 46): under orthogonal equivariance (4.3), the min-norm OLS predictor is constant
 * on orbits. Instance: psi(x, A) = A x with A in R^{k x d}, the group O(k) acting by Q.A = Q A with rho(Q) = Q (Haar,
 * reflections included). Designs are rank-deficient at the level of functions: n_distinct < min(k, d) distinct rows,
 * plus duplicated rows, so the least-squares fit is not unique and the min-norm convention matters. Labels are
 * arbitrary. Compared on 10 fresh inputs: f_hat_{QA}(x) = theta_hat_{QA}^T Q A x vs f_hat_A(x); also the proof's
 * identity (M Q)^+ = Q^T M^+ for M = Psi_A.
 *
 * <p>Tolerance: 1e-10 * sqrt(n k) * kappa * (1 + max |f_hat|), with kappa = max(1, ||M|| ||M^+||) (the conditioning of
 * the design on its range). Negative control: a non-orthogonal invertible rho (a diagonal scaling S with entries in
 * [0.5, 2]) must break the invariance on every instance.
 */
public final class Lemma41Check implements Check {

    @Override public String claimId() { return "Lemma 4.1"; }
    @Override public String name() { return "orbit invariance of the min-norm predictor (linear features, O(k))"; }
    @Override public String module() { return "theory"; }

    @Override
    public String statement() {
        return "If psi(x, g.w) = rho(g) psi(x, w) with rho a homomorphism into O(p), then for any dataset the min-norm "
                + "OLS predictor satisfies f_hat_{g.w} = f_hat_w for every g.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        double worstPred = 0;
        double worstPinv = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        int reflections = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int k = rng.nextInt(2, 7);
            int d = rng.nextInt(2, 7);
            int distinct = rng.nextInt(1, Math.min(k, d) - 1);
            int dup = rng.nextInt(0, 3);
            DMatrixRMaj x = design(distinct, dup, d, rng);
            int n = x.numRows;
            double[] y = rng.gaussians(n);
            DMatrixRMaj a = RandomMatrices.gaussian(k, d, rng);
            DMatrixRMaj q = RandomMatrices.haarOrthogonal(k, rng);
            reflections += org.ejml.dense.row.CommonOps_DDRM.det(q) < 0 ? 1 : 0;
            DMatrixRMaj fresh = RandomMatrices.gaussian(10, d, rng);
            DMatrixRMaj psi = Mat.multTransB(x, a);
            PseudoInverse pi = PseudoInverse.of(psi);
            double kappa = Math.max(1, Mat.opNorm(psi) * Mat.opNorm(pi.pinv()));
            double[] fA = predict(a, x, y, fresh);
            double[] fQA = predict(Mat.mult(q, a), x, y, fresh);
            double scale = 1 + maxAbs(fA);
            double tol = 1e-10 * Math.sqrt(n * k) * kappa * scale;
            worstPred = Math.max(worstPred, maxDiff(fA, fQA) / tol);
            DMatrixRMaj lhs = PseudoInverse.pinv(Mat.mult(psi, q));
            DMatrixRMaj rhs = Mat.multTransA(q, pi.pinv());
            worstPinv = Math.max(worstPinv, Mat.dist(lhs, rhs) / (1e-10 * Math.sqrt(n * k) * kappa
                    * Math.max(1, Mat.frob(pi.pinv()))));
            // planted: a scaling is invertible but not orthogonal
            DMatrixRMaj s = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                s.set(i, i, 0.5 + 1.5 * rng.nextDouble());
            }
            double[] fSA = predict(Mat.mult(s, a), x, y, fresh);
            plantedMin = Math.min(plantedMin, maxDiff(fA, fSA) / tol);
        }
        String note = tries + " instances, k, d in [2, 7], rank-deficient designs (fewer distinct rows than min(k, d), "
                + "duplicated rows); " + reflections + " of the Q were reflections";
        res.add(Evidence.atMost("max |f_hat_{QA}(x) - f_hat_A(x)| on fresh x, in units of tol", Role.CLAIM,
                worstPred, 1.0, note));
        res.add(Evidence.atMost("max ||(M Q)^+ - Q^T M^+||_F in units of tol", Role.CLAIM, worstPinv, 1.0,
                "M = Psi_A, the design features"));
        res.add(Evidence.condition("some Q were reflections (det = -1)", Role.CONTROL, reflections > 0,
                reflections + " of " + tries));
        res.add(Evidence.plantedErrorCaught("non-orthogonal rho: a diagonal scaling with entries in [0.5, 2]",
                Evidence.atMost("min over instances of |f_hat_{SA} - f_hat_A| in units of tol", Role.CONTROL,
                        plantedMin, 1.0, "must exceed 1 on every rank-deficient instance")));
        double toy = maxOrbitDiscrepancy(twostage.toy.ToySignFlip.standard(), ctx.rng(claimId() + "/sign-flip", 0),
                tries);
        res.add(Evidence.atMost("sign-flip toy (Z_2, rho = diag(g, 1)): max |f_hat_{g.w} - f_hat_w| on fresh x in "
                + "units of tol", Role.CLAIM, toy, 1.0, "w near w*, one-row designs (p = 2 > n = 1) and duplicated rows"));
        return res.build();
    }

    /**
     * For any instance: max over tries of |f_hat_{g.w}(x) - f_hat_w(x)| / tol on fresh inputs, with random g, w within
     * 0.1 of w*, and rank-deficient designs (between 1 and p - 1 distinct rows, possibly duplicated; at least 1) with
     * random labels. tol = 1e-10 sqrt(n p) kappa (1 + max |f_hat|).
     */
    public static <G> double maxOrbitDiscrepancy(TwoStageProblem<G> problem, Rng rng, int tries) {
        int p = problem.representation().featureDimension();
        double worst = 0;
        for (int t = 0; t < tries; t++) {
            double[] w = problem.pretraining().truth();
            for (int i = 0; i < w.length; i++) {
                w[i] += 0.1 * (2 * rng.nextDouble() - 1);
            }
            G g = problem.group().random(rng);
            int distinct = rng.nextInt(1, Math.max(1, p - 1));
            DMatrixRMaj base = problem.downstream().sampleInputs(distinct, rng);
            int dup = rng.nextInt(0, 2);
            DMatrixRMaj x = new DMatrixRMaj(distinct + dup, base.numCols);
            for (int i = 0; i < x.numRows; i++) {
                int src = i < distinct ? i : rng.nextInt(0, distinct - 1);
                for (int j = 0; j < x.numCols; j++) {
                    x.set(i, j, base.get(src, j));
                }
            }
            double[] y = rng.gaussians(x.numRows);
            DMatrixRMaj fresh = problem.downstream().sampleInputs(10, rng);
            DMatrixRMaj psi = problem.representation().features(w, x);
            double kappa = Math.max(1, Mat.opNorm(psi) * Mat.opNorm(PseudoInverse.pinv(psi)));
            double[] f = fit(problem.representation(), w, x, y, fresh);
            double[] fg = fit(problem.representation(), problem.group().act(g, w), x, y, fresh);
            double tol = 1e-10 * Math.sqrt(x.numRows * p) * kappa * (1 + maxAbs(f));
            worst = Math.max(worst, maxDiff(f, fg) / tol);
        }
        return worst;
    }

    private static double[] fit(Representation rep, double[] w, DMatrixRMaj x, double[] y, DMatrixRMaj fresh) {
        return MinNormOls.fit(rep.features(w, x), y).predict(rep.features(w, fresh));
    }

    /** distinct Gaussian rows plus dup copies of randomly chosen ones. */
    private static DMatrixRMaj design(int distinct, int dup, int d, Rng rng) {
        DMatrixRMaj base = RandomMatrices.gaussian(distinct, d, rng);
        DMatrixRMaj x = new DMatrixRMaj(distinct + dup, d);
        for (int i = 0; i < distinct + dup; i++) {
            int src = i < distinct ? i : rng.nextInt(0, distinct - 1);
            for (int j = 0; j < d; j++) {
                x.set(i, j, base.get(src, j));
            }
        }
        return x;
    }

    /** Min-norm OLS with features psi(x) = A x, predictions on the rows of fresh. */
    private static double[] predict(DMatrixRMaj a, DMatrixRMaj x, double[] y, DMatrixRMaj fresh) {
        return MinNormOls.fit(Mat.multTransB(x, a), y).predict(Mat.multTransB(fresh, a));
    }

    private static double maxDiff(double[] a, double[] b) {
        return twostage.linalg.Vectors.maxDiff(a, b);
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
