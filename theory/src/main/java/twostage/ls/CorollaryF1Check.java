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
 * Corollary F.1 (p. 50): if evaluation at the design is one-to-one on H (ker Phi = ker T), then Pi_n h = h for every
 * h in H, hence Pi_n f* - Pi f* = Pi_n e with e = (I - Pi) f*, and the leakage of (B.3) is ||Pi_n e||^2_L2.
 * On random G-LIN laws (tanh features, nonlinear f*, half of them with a repeated feature so Sigma is singular) and
 * designs of n > p distinct support points (well-posed, verified as rank Phi = rank F): Pi_n h = h on the whole
 * support for 3 random h = T theta; Pi_n f* - Pi f* = Pi_n e pointwise; Leak_n of {@link RiskDecomposition} equals
 * ||Pi_n e||^2_L2 and the well-posed form g_n^T Sigma_n^+ Sigma Sigma_n^+ g_n (g_n = (1/n) sum e(x_i) phi(x_i), CF1).
 * Tolerance {@link Tolerance#forDesignAndMoments} times the size of the compared values.
 *
 * <p>Negative control: designs with n < p (ker Phi larger than ker T): Pi_n h = h must fail off the sample. The
 * identity Pi_n f* - Pi f* = Pi_n e in those designs is reported as INFO. Deterministic (no false alarm).
 */
public final class CorollaryF1Check implements Check {

    @Override public String claimId() { return "Corollary F.1"; }
    @Override public String name() { return "well-posed designs: Pi_n fixes H_Omega and leakage is Pi_n e (G-LIN)"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "If <.,.>_n is non-degenerate on H_Omega, then Pi_n h = h for all h in H_Omega, Pi_n f* - Pi f* = Pi_n e "
                + "with e = (I - Pi) f*, and the leakage term of (B.3) is E[(Pi_n e)(X)^2].";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(40, 400);
        Worst fixes = Worst.max();
        Worst leakFunction = Worst.max();
        Worst leakValue = Worst.max();
        Worst wellPosedForm = Worst.max();
        Worst planted = Worst.min();
        double illPosedIdentity = 0;
        int notWellPosed = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int k = rng.nextInt(3, 7);
            boolean wide = t % 4 == 3;
            int n = wide ? rng.nextInt(1, k - 2) : rng.nextInt(k + 1, 20);
            RandomInstances.LinCase lc = RandomInstances.linCase(rng, k, t % 2, n, true);
            FiniteSupportLaw law = lc.law();
            int[] design = lc.design();
            DMatrixRMaj phi = lc.phi();
            boolean wellPosed = PseudoInverse.of(phi).rank() == PseudoInverse.of(law.features()).rank();
            DMatrixRMaj sigma = law.sigma();
            double tol = Tolerance.forDesignAndMoments(phi, sigma);
            String where = "n=" + n + ", p=" + k + (t % 2 == 1 ? " (repeated feature)" : "");
            EmpiricalProjector proj = EmpiricalProjector.of(law, design);
            PopulationProjector pop = PopulationProjector.of(law);
            double[] fStar = law.target();
            double[] e = pop.residual(fStar);
            double[] lhs = Vectors.sub(proj.apply(fStar), pop.apply(fStar));
            double[] pie = proj.apply(e);
            double fixWorst = 0;
            for (int j = 0; j < 3; j++) {
                double[] h = law.forward(rng.gaussians(k));
                fixWorst = Math.max(fixWorst, Vectors.maxDiff(proj.apply(h), h) / Vectors.scaleOf(h));
            }
            if (wide) {
                planted.record(fixWorst, tol, where);
                illPosedIdentity = Math.max(illPosedIdentity, Vectors.maxDiff(lhs, pie) / Vectors.scaleOf(fStar));
                continue;
            }
            if (!wellPosed) {
                notWellPosed++;
                continue;
            }
            fixes.record(fixWorst, tol, where);
            leakFunction.record(Vectors.maxDiff(lhs, pie) / Vectors.scaleOf(fStar), tol, where);
            RiskParts parts = RiskDecomposition.of(law.moments(), phi, law.targetOnDesign(design), 1.0);
            double direct = law.normSquared(pie);
            double size = Math.max(1, law.normSquared(fStar));
            leakValue.record(Math.abs(parts.leak() - direct), tol * size, where);
            double[] gn = proj.adjoint(law.evaluate(design, e));
            DMatrixRMaj sp = proj.sigmaNPinv();
            DMatrixRMaj a = Mat.mult(sp, Mat.col(gn));
            double form = Mat.multTransA(a, Mat.mult(sigma, a)).get(0);
            wellPosedForm.record(Math.abs(form - parts.leak()), tol * size, where);
        }
        res.add(Evidence.zero("tall designs that were not well-posed (skipped)", Role.CONTROL, notWellPosed, 0,
                "n > p distinct support points should give rank Phi = rank F"));
        res.add(Evidence.atMost("max |Pi_n h - h|_inf / |h|_inf on the whole support, in units of tol", Role.CLAIM,
                fixes.ratio(), 1.0, fixes.note() + ", 3 random h in H each"));
        res.add(Evidence.atMost("max |(Pi_n f* - Pi f*) - Pi_n e|_inf / |f*|_inf on the support, in units of tol",
                Role.CLAIM, leakFunction.ratio(), 1.0, leakFunction.note()));
        res.add(Evidence.atMost("max |Leak_n (CF1) - ||Pi_n e||^2_L2| in units of tol * max(1, E f*^2)", Role.CLAIM,
                leakValue.ratio(), 1.0, leakValue.note()));
        res.add(Evidence.atMost("max |g_n^T Sigma_n+ Sigma Sigma_n+ g_n - Leak_n| in units of tol * max(1, E f*^2)",
                Role.CONTROL, wellPosedForm.ratio(), 1.0, wellPosedForm.note() + " (CF1 well-posed form)"));
        res.add(Evidence.info("n < p: max |(Pi_n f* - Pi f*) - Pi_n e|_inf / |f*|_inf", illPosedIdentity,
                "without well-posedness the identity need not hold"));
        res.add(Evidence.plantedErrorCaught("design with n < p (not well-posed)",
                Evidence.atMost("min |Pi_n h - h|_inf / |h|_inf on the support, in units of tol", Role.CONTROL,
                        planted.ratio(), 1.0, planted.note())));
        return res.build();
    }
}
