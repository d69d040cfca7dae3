package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.engine.SymmetryGroup;
import twostage.geometry.FixedRankPsdGeometry;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma I.2 (p. 94): the factor-model feature map phi(x, M) = s(M)^T (I + M)^-1 x = B_M^T x with
 * B_M = (I + M)^-1 s(M) is a rank-k linear feature map, so Sigma(M) = B_M^T Sigma_x B_M is positive definite,
 * d_eff = k, the design has rank k a.s. for n >= k, and ker T_M = {0} (B0 = {0}). Structural, on random instances
 * (d in [3, 8], k in [1, d-1]) and random M on M_{d,k} near M* (retraction of a random tangent step):
 * <ul>
 *   <li>range(B_M) = range(M) (largest principal-angle sine <= 1e-9 cond(M));</li>
 *   <li>lambda_min(Sigma(M)) > 0 and rank Sigma(M) = k (relative cut 1e-10);</li>
 *   <li>rank of an n = k design = k;</li>
 *   <li>the L2 projection Pi_M does not depend on the representative: features W(A) and W(A g^T) give the same
 *       Sigma_x-projector, and min-norm OLS on a rank-deficient design (n = k - 1 rows or a duplicated row) gives the
 *       same predictions (Lemma 4.1);</li>
 *   <li>(4.3) with g.A = A g^T and rho(g) = g: psi(x, g.A) = rho(g) psi(x, A), rho orthogonal and a homomorphism,
 *       and the action is a left action; the paper's form psi(s(M) Q) = Q^T phi(x, M) (p. 10) holds as printed.</li>
 * </ul>
 * Tolerances 1e-10 (1 + |A|^2) unless stated. Negative control: the wrong-side equivariance psi(x, A g^T) =
 * g^T psi(x, A) must fail for non-symmetric g (for a symmetric g, e.g. a reflection, g^T = g and it is no error).
 */
public final class LemmaI2Check implements Check {

    @Override public String claimId() { return "Lemma I.2"; }
    @Override public String name() { return "factor features are rank-k linear: Sigma(M) > 0, d_eff = k, equivariance"; }
    @Override public String module() { return "casestudies/factor"; }
    @Override public String statement() {
        return "phi(x, M) = s(M)^T (I + M)^-1 x = B_M^T x with B_M = (I + M)^-1 s(M) of rank k locally around M*; "
                + "hence Sigma(M) = B_M^T Sigma_x B_M > 0, d_eff = k, well-posedness for n >= k and B0 = {0}, so "
                + "G.1-G.4 hold as in the linear spectral case.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int instances = ctx.scale().pick(30, 200);
        double worstRange = 0;
        double minEig = Double.POSITIVE_INFINITY;
        int rankMisses = 0;
        int designMisses = 0;
        double worstProj = 0;
        double worstOls = 0;
        double worstEquiv = 0;
        double worstOrth = 0;
        double worstHom = 0;
        double worstAction = 0;
        double worstPrinted = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < instances; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(3, 8);
            int k = rng.nextInt(1, d - 1);
            double[] sv = new double[k];
            for (int j = 0; j < k; j++) {
                sv[j] = 0.4 + 2.5 * rng.nextDouble();
            }
            FactorModel model = FactorModel.random(d, sv, 1.0, 0.3, rng);
            FactorProblem problem = FactorProblem.of(model);
            FixedRankPsdGeometry geo = FixedRankPsdGeometry.of(d, k);
            double[] mStar = Linalg.flat(model.mStar());
            DMatrixRMaj step = Linalg.sym(RandomMatrices.gaussian(d, d, rng));
            double[] xi = geo.projectTangent(mStar, Linalg.flat(Mat.scale(0.2 * model.sigmas()[k - 1] / Mat.frob(step), step)));
            DMatrixRMaj m = Linalg.unflat(geo.retract(mStar, xi), d, d);
            Linalg.symmetrize(m);
            DMatrixRMaj s = FactorSection.anchoredAt(model.aStar()).apply(m);
            double tol = 1e-10 * (1 + Mat.frob(m));
            // s(M) s(M)^T = M
            worstRange = Math.max(worstRange, Mat.dist(Mat.multTransB(s, s), m) / tol);
            DMatrixRMaj b = Mat.mult(Linalg.spdInverse(Mat.add(Mat.identity(d), m)), s);
            SymmetricEigen em = SymmetricEigen.of(m);
            double angle = Linalg.subspaceDistance(Linalg.orthonormalBasis(b), em.leading(k));
            worstRange = Math.max(worstRange, angle / (1e-9 * em.values()[0] / em.values()[k - 1]));
            DMatrixRMaj sig = Linalg.sym(Mat.multTransA(b, Mat.mult(model.sigmaX(), b)));
            SymmetricEigen es = SymmetricEigen.of(sig);
            minEig = Math.min(minEig, es.values()[k - 1] / es.values()[0]);
            if (es.rank(1e-10) != k) {
                rankMisses++;
            }
            DMatrixRMaj x = WishartSampler.of(model.sigmaX()).draws(k, rng);
            if (PseudoInverse.of(Mat.mult(x, b)).rank() != k) {
                designMisses++;
            }
            // representative independence and Lemma 4.1 on a rank-deficient design
            SymmetryGroup<DMatrixRMaj> g = problem.group();
            DMatrixRMaj q = g.random(rng);
            DMatrixRMaj q2 = g.random(rng);
            double[] w = Linalg.flat(s);
            double[] gw = g.act(q, w);
            DMatrixRMaj wa = FactorModel.featureMatrix(s);
            DMatrixRMaj wb = FactorModel.featureMatrix(Linalg.unflat(gw, d, k));
            worstProj = Math.max(worstProj, Mat.dist(projector(model, wa), projector(model, wb)) / tol);
            DMatrixRMaj design;
            if (k == 1) {
                design = new DMatrixRMaj(2, d);
                DMatrixRMaj row = WishartSampler.of(model.sigmaX()).draws(1, rng);
                for (int c = 0; c < d; c++) {
                    design.set(0, c, row.get(0, c));
                    design.set(1, c, 2 * row.get(0, c));
                }
            } else {
                design = WishartSampler.of(model.sigmaX()).draws(k - 1, rng);
            }
            double[] y = rng.gaussians(design.numRows);
            DMatrixRMaj xNew = WishartSampler.of(model.sigmaX()).draws(5, rng);
            DMatrixRMaj predA = Mat.mult(problem.representation().features(w, xNew),
                    Mat.mult(PseudoInverse.pinv(problem.representation().features(w, design)), Mat.col(y)));
            DMatrixRMaj predB = Mat.mult(problem.representation().features(gw, xNew),
                    Mat.mult(PseudoInverse.pinv(problem.representation().features(gw, design)), Mat.col(y)));
            worstOls = Math.max(worstOls, Mat.dist(predA, predB) / (1e-9 * (1 + Mat.frob(predA))));
            // (4.3)
            DMatrixRMaj psiA = problem.representation().features(w, xNew);
            DMatrixRMaj psiG = problem.representation().features(gw, xNew);
            DMatrixRMaj rho = g.rho(q);
            worstEquiv = Math.max(worstEquiv, Mat.dist(psiG, Mat.multTransB(psiA, rho)) / (tol * (1 + Mat.frob(psiA))));
            worstOrth = Math.max(worstOrth, Mat.dist(Mat.multTransA(rho, rho), Mat.identity(k)) / 1e-12);
            worstHom = Math.max(worstHom, Mat.dist(g.rho(g.compose(q, q2)), Mat.mult(g.rho(q), g.rho(q2))) / 1e-12);
            double[] lhs = g.act(g.compose(q, q2), w);
            double[] rhs = g.act(q, g.act(q2, w));
            worstAction = Math.max(worstAction, Mat.dist(Linalg.unflat(lhs, d, k), Linalg.unflat(rhs, d, k)) / tol);
            // as printed: psi(x, s(M) Q) = Q^T phi(x, M)
            DMatrixRMaj sq = Mat.mult(s, q);
            DMatrixRMaj psiSq = Mat.multTransB(xNew, FactorModel.featureMatrix(sq));
            DMatrixRMaj phi = Mat.multTransB(xNew, FactorModel.featureMatrix(s));
            worstPrinted = Math.max(worstPrinted, Mat.dist(psiSq, Mat.mult(phi, q)) / (tol * (1 + Mat.frob(phi))));
            if (Mat.dist(rho, Mat.transpose(rho)) > 0.1) {
                plantedMin = Math.min(plantedMin, Mat.dist(psiG, Mat.mult(psiA, rho)) / (tol * (1 + Mat.frob(psiA))));
            }
        }
        String inst = instances + " random instances and points M near M*";
        res.add(Evidence.atMost("max s(M)s(M)^T = M error and range(B_M) vs range(M) angle, in units of tol",
                Role.CLAIM, worstRange, 1.0, inst));
        res.add(Evidence.atLeast("min lambda_min/lambda_max of Sigma(M) = B_M^T Sigma_x B_M", Role.CLAIM, minEig, 1e-8,
                "positive definite, so ker T_M = {0} and B0 = {0}"));
        res.add(Evidence.zero("instances with rank Sigma(M) != k (d_eff != k)", Role.CLAIM, rankMisses, 0, inst));
        res.add(Evidence.zero("n = k designs of rank < k (well-posedness)", Role.CLAIM, designMisses, 0, inst));
        res.add(Evidence.atMost("max |Pi(W(A)) - Pi(W(A g^T))| (Sigma_x projector) in units of tol", Role.CLAIM,
                worstProj, 1.0, "the downstream class depends on range(M) only"));
        res.add(Evidence.atMost("max |f_hat(g.A) - f_hat(A)| on rank-deficient designs, units of 1e-9 (1+|f|)",
                Role.CLAIM, worstOls, 1.0, "min-norm OLS predictor orbit-invariant (Lemma 4.1)"));
        res.add(Evidence.atMost("max |psi(x, g.A) - rho(g) psi(x, A)| in units of tol", Role.CONTROL, worstEquiv, 1.0,
                "g.A = A g^T, rho(g) = g"));
        res.add(Evidence.atMost("max |rho^T rho - I| / 1e-12", Role.CONTROL, worstOrth, 1.0, ""));
        res.add(Evidence.atMost("max |rho(g1 g2) - rho(g1) rho(g2)| / 1e-12", Role.CONTROL, worstHom, 1.0, ""));
        res.add(Evidence.atMost("max |(g1 g2).A - g1.(g2.A)| in units of tol", Role.CONTROL, worstAction, 1.0,
                "left action"));
        res.add(Evidence.atMost("max |psi(x, s(M) Q) - Q^T phi(x, M)| in units of tol (as printed, p. 10)", Role.CLAIM,
                worstPrinted, 1.0, "right action A -> A Q with Q -> Q^T, which reverses products"));
        res.add(Evidence.plantedErrorCaught("wrong-side equivariance psi(x, A g^T) = g^T psi(x, A)",
                Evidence.atMost("min |psi(x, g.A) - g^T psi(x, A)| in units of tol (non-symmetric g only)", Role.CONTROL, plantedMin,
                        1.0, "")));
        return res.build();
    }

    /** The Sigma_x-orthogonal projector onto range(W^T) (d x d), which defines Pi_M on linear functions. */
    static DMatrixRMaj projector(FactorModel model, DMatrixRMaj w) {
        DMatrixRMaj sx = model.sigmaX();
        DMatrixRMaj sig = Linalg.sym(Mat.mult(w, Mat.multTransB(sx, w)));
        return Mat.mult(Mat.transpose(w), Mat.mult(PseudoInverse.pinv(sig), Mat.mult(w, sx)));
    }
}
