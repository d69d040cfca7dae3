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
 * Lemma C.11 (p. 32): the min-norm OLS predictor is the empirical projection of the labels,
 * f_n = Pi_n lift_n(y), with fitted values H y. Part 1, random designs of four kinds: theta = Phi^+ y
 * ({@link MinNormOls}, SVD pseudo-inverse of Phi) against Sigma_n^+ (1/n) Phi^T y ({@link EmpiricalProjector}), and
 * the fitted values against H y. Part 2, G-LIN laws (n < p and n > p): the OLS predictor T theta and Pi_n lift_n(y) as
 * functions on the whole support. Tolerance {@link Tolerance#forDesign} times max(1, ||y||_inf) or max(1, ||theta||_inf).
 *
 * <p>Negative control: a ridge fit (Sigma_n + 1e-3 ||Sigma_n|| I)^{-1} T^adj_n y in place of the min-norm OLS
 * coefficient must be told apart. Deterministic (no false alarm).
 */
public final class LemmaC11Check implements Check {

    @Override public String claimId() { return "Lemma C.11"; }
    @Override public String name() { return "min-norm OLS equals the empirical projection of the labels"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "The min-norm OLS predictor satisfies f_n = Pi_n lift_n(y_{1:n}) and its fitted values are H y.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(60, 600);
        Worst coef = Worst.max();
        Worst fitted = Worst.max();
        Worst function = Worst.max();
        Worst planted = Worst.min();
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.Design d = RandomInstances.design(t, rng);
            DMatrixRMaj phi = d.phi();
            double[] y = rng.gaussians(phi.numRows);
            double tol = Tolerance.forDesign(phi);
            MinNormOls ols = MinNormOls.fit(phi, y);
            EmpiricalProjector proj = EmpiricalProjector.of(phi);
            double[] theta = proj.coefficients(y);
            double scale = Vectors.scaleOf(theta);
            coef.record(Vectors.maxDiff(ols.coefficients(), theta) / scale, tol, d.describe());
            fitted.record(Vectors.maxDiff(ols.fittedValues(), HatMatrix.of(phi).apply(y)) / Vectors.scaleOf(y), tol,
                    d.describe());
            DMatrixRMaj sigmaN = Mat.scale(1.0 / phi.numRows, Mat.multTransA(phi, phi));
            DMatrixRMaj ridge = Mat.add(sigmaN, Mat.scale(1e-3 * Mat.opNorm(sigmaN), Mat.identity(phi.numCols)));
            double[] ridgeTheta = Mat.mult(PseudoInverse.pinv(ridge), Mat.col(proj.adjoint(y))).getData();
            planted.record(Vectors.maxDiff(ols.coefficients(), ridgeTheta) / scale, tol, d.describe());
        }
        for (int t = 0; t < tries / 2; t++) {
            Rng rng = ctx.rng(claimId() + "/G-LIN", t);
            RandomInstances.LinCase lc = RandomInstances.linCase(t, rng, false);
            FiniteSupportLaw law = lc.law();
            int[] design = lc.design();
            int n = lc.n();
            int k = lc.p();
            DMatrixRMaj phi = lc.phi();
            double[] y = Vectors.add(law.targetOnDesign(design), rng.gaussians(n));
            double[] predictor = law.forward(MinNormOls.fit(phi, y).coefficients());
            double[] projection = EmpiricalProjector.of(law, design).applyToSampleValues(y);
            function.record(Vectors.maxDiff(predictor, projection) / Vectors.scaleOf(y), Tolerance.forDesign(phi),
                    "n=" + n + ", p=" + k);
        }
        res.add(Evidence.atMost("max |Phi+ y - Sigma_n+ (1/n) Phi^T y|_inf / |theta|_inf in units of tol", Role.CLAIM,
                coef.ratio(), 1.0, coef.note()));
        res.add(Evidence.atMost("max |Phi theta - H y|_inf / |y|_inf in units of tol", Role.CLAIM, fitted.ratio(), 1.0,
                fitted.note()));
        res.add(Evidence.atMost("G-LIN: max |f_n - Pi_n lift_n(y)|_inf on the support in units of tol", Role.CLAIM,
                function.ratio(), 1.0, function.note()));
        res.add(Evidence.plantedErrorCaught("ridge fit with lambda = 1e-3 ||Sigma_n|| in place of min-norm OLS",
                Evidence.atMost("min |Phi+ y - theta_ridge|_inf / |theta|_inf in units of tol", Role.CONTROL,
                        planted.ratio(), 1.0, planted.note())));
        return res.build();
    }
}
