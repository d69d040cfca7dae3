package twostage.ls;

import twostage.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;

/**
 * Definition C.7 (p. 31): the canonical empirical coefficient theta_n(g) = Sigma_n^+ T^adj_n g is the minimum-norm
 * least-squares solution Phi^+ Ev_n(g), because (Phi^T Phi)^+ Phi^T = Phi^+. Checked on random designs of four
 * kinds: the matrix identity, theta_n against {@link MinNormOls} (SVD pseudo-inverse of Phi), against the dual form
 * Phi^T (Phi Phi^T)^+ v, and that theta_n lies in Im Phi^T (no component in ker Phi, the minimum-norm property).
 * Tolerance {@link Tolerance#forDesign}, residuals relative to max(1, ||Phi^+||_F) or max(1, ||theta||).
 *
 * <p>Negative control: another least-squares solution theta_n + v with v in ker Phi (same fitted values, larger
 * norm) must be told apart from the canonical one; run on designs with a non-trivial kernel. Deterministic.
 */
public final class DefinitionC7Check implements Check {

    @Override public String claimId() { return "Definition C.7"; }
    @Override public String name() { return "canonical empirical coefficient is the minimum-norm LS solution"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "theta_n(g) = Sigma_n+ T^adj_n g with T^adj_n g = (1/n) sum g(x_i) phi(x_i); it equals Phi+ Ev_n(g), "
                + "the least-squares solution of smallest norm, since (Phi^T Phi)+ Phi^T = Phi+; Pi_n g = T theta_n(g).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        Worst matrix = Worst.max();
        Worst ols = Worst.max();
        Worst dual = Worst.max();
        Worst kernel = Worst.max();
        Worst planted = Worst.min();
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.Design d = RandomInstances.design(t, rng);
            DMatrixRMaj phi = d.phi();
            int p = phi.numCols;
            double tol = Tolerance.forDesign(phi);
            DMatrixRMaj pinv = PseudoInverse.pinv(phi);
            DMatrixRMaj gram = Mat.multTransA(phi, phi);
            twostage.random.RandomMatrices.symmetrize(gram);
            DMatrixRMaj viaGram = Mat.multTransB(PseudoInverse.pinv(gram), phi);
            matrix.record(Mat.dist(viaGram, pinv) / Math.max(1, Mat.frob(pinv)), tol, d.describe());
            double[] v = rng.gaussians(phi.numRows);
            double[] theta = EmpiricalProjector.of(phi).coefficients(v);
            double scale = Vectors.scaleOf(theta);
            ols.record(Vectors.maxDiff(theta, MinNormOls.fit(phi, v).coefficients()) / scale, tol, d.describe());
            DMatrixRMaj outer = Mat.multTransB(phi, phi);
            twostage.random.RandomMatrices.symmetrize(outer);
            double[] thetaDual = Mat.multTransA(phi, Mat.mult(PseudoInverse.pinv(outer), Mat.col(v))).getData();
            dual.record(Vectors.maxDiff(theta, thetaDual) / scale, tol, d.describe());
            DMatrixRMaj kernelProjector = Mat.sub(Mat.identity(p), Mat.mult(pinv, phi));
            double[] kernelPart = Mat.mult(kernelProjector, Mat.col(theta)).getData();
            kernel.record(Vectors.norm(kernelPart) / scale, tol, d.describe());
            if (d.rank() < p) {
                double[] shift = Mat.mult(kernelProjector, Mat.col(rng.gaussians(p))).getData();
                double[] other = Vectors.add(theta, shift);
                planted.record(Vectors.maxDiff(other, MinNormOls.fit(phi, v).coefficients()) / scale, tol,
                        d.describe());
            }
        }
        res.add(Evidence.atMost("max ||(Phi^T Phi)+ Phi^T - Phi+||/||Phi+|| in units of tol", Role.CLAIM,
                matrix.ratio(), 1.0, matrix.note()));
        res.add(Evidence.atMost("max |Sigma_n+ T^adj_n g - Phi+ Ev_n g|_inf / |theta| in units of tol", Role.CLAIM,
                ols.ratio(), 1.0, ols.note()));
        res.add(Evidence.atMost("max |theta_n - Phi^T (Phi Phi^T)+ Ev_n g|_inf / |theta| in units of tol (dual form)",
                Role.CONTROL, dual.ratio(), 1.0, dual.note()));
        res.add(Evidence.atMost("max |(I - Phi+ Phi) theta_n| / |theta| in units of tol (no component in ker Phi)",
                Role.CLAIM, kernel.ratio(), 1.0, kernel.note()));
        res.add(Evidence.plantedErrorCaught("least-squares solution shifted along ker Phi (not minimum norm)",
                Evidence.atMost("min |(theta_n + v) - Phi+ Ev_n g|_inf / |theta| in units of tol", Role.CONTROL,
                        planted.ratio(), 1.0, planted.note())));
        return res.build();
    }
}
