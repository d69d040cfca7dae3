package twostage.ls;

import twostage.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Lemma C.6 (p. 30): the empirical projection problem min_{h in H} ||g - h||_n^2 is the Euclidean least-squares
 * problem min_theta (1/n) ||Ev_n(g) - Phi theta||^2. On random G-LIN laws and designs (n < p and n > p, collinear
 * features): (a) for random theta the two objectives agree, the first computed from the functions g and T theta on
 * the support evaluated at the design; (b) the minimum of the first, reached at h = Pi_n g, equals the minimum of the
 * second computed as (1/n) sum_{j > r} (u_j^T v)^2 from a full SVD Phi = U S V^T (the part of v outside the leading r
 * left singular vectors; no pseudo-inverse of a Gram matrix involved).
 * Tolerance {@link Tolerance#forDesign} times max(1, ||Ev_n g||^2 / n).
 *
 * <p>Negative control: the empirical seminorm replaced by the population L2 norm (min_h ||g - h||^2_L2 =
 * ||(I - Pi) g||^2) must not reproduce the least-squares minimum. Deterministic (no false alarm).
 */
public final class LemmaC6Check implements Check {

    @Override public String claimId() { return "Lemma C.6"; }
    @Override public String name() { return "empirical projection equals Euclidean least squares on G-LIN designs"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Minimising ||g - h||_n^2 over h in H_Omega is the least-squares problem min over theta of "
                + "(1/n)||Ev_n(g) - Phi theta||^2: the objectives agree at h = T theta and the minima agree.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(40, 400);
        Worst objective = Worst.max();
        Worst minimum = Worst.max();
        Worst planted = Worst.min();
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.LinCase lc = RandomInstances.linCase(t, rng, false);
            FiniteSupportLaw law = lc.law();
            int[] design = lc.design();
            int n = lc.n();
            int k = lc.p();
            double[] g = Vectors.add(law.target(), rng.gaussians(law.size()));
            double[] gn = law.evaluate(design, g);
            DMatrixRMaj phi = lc.phi();
            double tol = Tolerance.forDesign(phi) * Math.max(1, Vectors.dot(gn, gn) / n);
            String where = "n=" + n + ", p=" + k;
            for (int j = 0; j < 3; j++) {
                double[] theta = rng.gaussians(k);
                double functional = empiricalDistance(law, design, g, law.forward(theta));
                double euclidean = Vectors.dot(residual(gn, phi, theta), residual(gn, phi, theta)) / n;
                objective.record(Math.abs(functional - euclidean), tol, where);
            }
            EmpiricalProjector proj = EmpiricalProjector.of(law, design);
            double projected = empiricalDistance(law, design, g, proj.apply(g));
            double qr = leastSquaresMinimum(phi, gn);
            minimum.record(Math.abs(projected - qr), tol, where);
            double population = law.normSquared(PopulationProjector.of(law).residual(g));
            planted.record(Math.abs(population - qr), tol, where);
        }
        res.add(Evidence.atMost("max |‖g - T theta‖_n^2 - (1/n)‖Ev_n g - Phi theta‖^2| in units of tol",
                Role.CLAIM, objective.ratio(), 1.0, objective.note() + ", 3 random theta each"));
        res.add(Evidence.atMost("max |min_h ‖g - h‖_n^2 (at Pi_n g) - min_theta (1/n)‖Ev_n g - Phi theta‖^2 (SVD)| "
                + "in units of tol", Role.CLAIM, minimum.ratio(), 1.0, minimum.note()));
        res.add(Evidence.plantedErrorCaught("empirical seminorm replaced by the population L2 norm",
                Evidence.atMost("min |min_h ‖g - h‖_L2^2 - least-squares minimum| in units of tol", Role.CONTROL,
                        planted.ratio(), 1.0, planted.note())));
        return res.build();
    }

    /** ||g - h||_n^2 from functions on the support. */
    static double empiricalDistance(FiniteSupportLaw law, int[] design, double[] g, double[] h) {
        double[] r = law.evaluate(design, Vectors.sub(g, h));
        return EmpiricalProjector.empiricalInner(r, r);
    }

    private static double[] residual(double[] gn, DMatrixRMaj phi, double[] theta) {
        return Vectors.sub(gn, Mat.mult(phi, Mat.col(theta)).getData());
    }

    /** min_theta (1/n)||v - Phi theta||^2 from the full SVD: the energy of v outside the leading left singular vectors. */
    static double leastSquaresMinimum(DMatrixRMaj phi, double[] v) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(phi.numRows, phi.numCols, true, false, false);
        if (!svd.decompose(phi.copy())) {
            throw new IllegalStateException("SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, null, false);
        int k = Math.min(phi.numRows, phi.numCols);
        double max = w.get(0, 0);
        double kept = 0;
        for (int j = 0; j < k; j++) {
            if (w.get(j, j) > twostage.linalg.PseudoInverse.DEFAULT_REL_TOL * max && max > 0) {
                double c = 0;
                for (int i = 0; i < v.length; i++) {
                    c += u.get(i, j) * v[i];
                }
                kept += c * c;
            }
        }
        return Math.max(Vectors.dot(v, v) - kept, 0) / v.length;
    }
}
