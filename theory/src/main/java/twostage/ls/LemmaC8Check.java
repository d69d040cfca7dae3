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
 * Lemma C.8 (p. 31): Pi_n g minimises ||g - h||_n over h in H; its fitted values are Ev_n(Pi_n g) = H Ev_n(g); and
 * the residual is empirically orthogonal to H: <g - Pi_n g, h>_n = 0 for all h in H (equivalently to every column
 * T e_j). On random G-LIN laws (tanh features, some collinear) and designs with n < p and n > p; g random on the
 * support; Pi_n g is computed as a function on the support and then evaluated at the design. Optimality: 20 random
 * competitors theta' (perturbations of the optimum at several scales) never beat it. Tolerance
 * {@link Tolerance#forDesign} times max(1, ||Ev_n g||_inf) (values) or max(1, ||Ev_n g||^2/n) (objectives).
 *
 * <p>Negative control: the projector missing the factor 1/n (theta = Sigma_n^+ Phi^T v) must give wrong fitted
 * values; run on designs with n >= 2. Deterministic (no false alarm).
 */
public final class LemmaC8Check implements Check {

    @Override public String claimId() { return "Lemma C.8"; }
    @Override public String name() { return "least-squares characterisation and empirical orthogonality on G-LIN"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Pi_n g minimises ||g - h||_n^2 over H_Omega, Ev_n(Pi_n g) = H_{Omega,n} Ev_n(g), and "
                + "<g - Pi_n g, h>_n = 0 for every h in H_Omega.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(40, 400);
        Worst fitted = Worst.max();
        Worst orthogonal = Worst.max();
        Worst optimal = Worst.max();
        Worst planted = Worst.min();
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.LinCase lc = RandomInstances.linCase(t, rng, false);
            FiniteSupportLaw law = lc.law();
            int[] design = lc.design();
            int n = lc.n();
            int k = lc.p();
            DMatrixRMaj phi = lc.phi();
            double[] g = Vectors.add(law.target(), rng.gaussians(law.size()));
            double[] gn = law.evaluate(design, g);
            double valueScale = Vectors.scaleOf(gn);
            double tol = Tolerance.forDesign(phi);
            String where = "n=" + n + ", p=" + k;
            EmpiricalProjector proj = EmpiricalProjector.of(law, design);
            double[] pig = proj.apply(g);
            double[] hv = HatMatrix.of(phi).apply(gn);
            fitted.record(Vectors.maxDiff(law.evaluate(design, pig), hv) / valueScale, tol, where);
            double[] r = law.evaluate(design, Vectors.sub(g, pig));
            for (int j = 0; j < k; j++) {
                double[] e = new double[k];
                e[j] = 1;
                double[] column = law.evaluate(design, law.forward(e));
                double size = Vectors.norm(r) * Vectors.norm(column) / n;
                orthogonal.record(Math.abs(EmpiricalProjector.empiricalInner(r, column)), tol * Math.max(1, size),
                        where);
            }
            double best = LemmaC6Check.empiricalDistance(law, design, g, pig);
            double objTol = tol * Math.max(1, Vectors.dot(gn, gn) / n);
            double[] thetaStar = proj.coefficients(gn);
            double worstGain = 0;
            for (int j = 0; j < 20; j++) {
                double step = Math.pow(10, -4 + j % 5);
                double[] other = Vectors.add(thetaStar, Vectors.scale(step, rng.gaussians(k)));
                double value = LemmaC6Check.empiricalDistance(law, design, g, law.forward(other));
                worstGain = Math.max(worstGain, best - value);
            }
            optimal.record(Math.max(worstGain, 0), objTol, where);
            DMatrixRMaj sigmaNPinv = PseudoInverse.pinv(Mat.scale(1.0 / n, Mat.multTransA(phi, phi)));
            double[] wrongTheta = Mat.mult(sigmaNPinv, Mat.multTransA(phi, Mat.col(gn))).getData();
            double[] wrongFit = Mat.mult(phi, Mat.col(wrongTheta)).getData();
            planted.record(Vectors.maxDiff(wrongFit, hv) / valueScale, tol, where);
        }
        res.add(Evidence.atMost("max |Ev_n(Pi_n g) - H Ev_n(g)|_inf / |Ev_n g|_inf in units of tol", Role.CLAIM,
                fitted.ratio(), 1.0, fitted.note()));
        res.add(Evidence.atMost("max_j |<g - Pi_n g, T e_j>_n| in units of tol * max(1, |r||T e_j|/n)", Role.CLAIM,
                orthogonal.ratio(), 1.0, orthogonal.note()));
        res.add(Evidence.atMost("max over 20 competitors of (optimum - competitor objective)_+ in units of tol",
                Role.CLAIM, optimal.ratio(), 1.0, optimal.note() + "; perturbation scales 1e-4 .. 1"));
        res.add(Evidence.plantedErrorCaught("empirical projector missing the factor 1/n",
                Evidence.atMost("min |Phi Sigma_n+ Phi^T v - H v|_inf / |v|_inf in units of tol", Role.CONTROL,
                        planted.ratio(), 1.0, planted.note())));
        return res.build();
    }
}
