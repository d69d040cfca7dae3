package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;

/**
 * Lemma G.15 (p. 62): phi(X, Omega) lies in Im Sigma(Omega) almost surely, hence Im Sigma_n is inside Im Sigma and
 * rank Sigma_n <= rank Sigma.
 *
 * <p>G-LIN: tanh features with a deterministic dependency phi_4 = phi_1 + gamma phi_2 (rank 3 of 4) on N = 30 support
 * points: ||(I - Sigma Sigma^+) phi(x)|| on every support point (tolerance 1e-10 times the largest feature norm);
 * designs of size n in {2, 3, 5, 20, 100} (20 each): rank Sigma_n <= rank Sigma and ||(I - Sigma Sigma^+) Sigma_n||_F
 * <= 1e-10 ||Sigma_n||_F. G-GAUSS: B = B1 K with B1 5 x 2, K 2 x 4 (rank 2 of 4), same design checks. Deterministic.
 *
 * <p>Negative control: the statement "for every x" instead of "almost surely": an extra point of weight zero whose
 * feature vector leaves Im Sigma (features vanishing on the support but not at that point) must violate it.
 */
public final class LemmaG15Check extends TheoryCheck {

    public LemmaG15Check() {
        super("Lemma G.15", "empirical span inside population span (G-LIN with dependent features, G-GAUSS)",
                "phi(X, Omega) is in Im Sigma(Omega) almost surely; hence Im Sigma_n is contained in Im Sigma and "
                        + "rank Sigma_n <= rank Sigma almost surely.");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        TanhCurve lin = Instances.tanhOnSupport(rng, 30, 3, 3, true, 1);
        DMatrixRMaj f = lin.featuresAtTruth();
        DMatrixRMaj sigma = lin.covariance(new double[1]);
        DMatrixRMaj perp = Mat.sub(Mat.identity(sigma.numRows), Mat.mult(sigma, PseudoInverse.pinv(sigma)));
        double worstPoint = 0;
        double scale = 0;
        for (int s = 0; s < f.numRows; s++) {
            DMatrixRMaj phi = Mat.transpose(org.ejml.dense.row.CommonOps_DDRM.extractRow(f, s, null));
            worstPoint = Math.max(worstPoint, Mat.frob(Mat.mult(perp, phi)));
            scale = Math.max(scale, Mat.frob(phi));
        }
        res.add(Evidence.zero("max over support points of ||(I - Sigma Sigma+) phi(x)||", Role.CLAIM, worstPoint,
                1e-10 * scale, "G-LIN tanh + dependent feature, N=30, rank Sigma = "
                        + PseudoInverse.of(sigma).rank() + " of p = 4"));
        GaussianLinearCurve gauss = Instances.rankDeficientGaussian(rng, 5, 4, 2);
        int rankViolations = 0;
        double worstSpan = 0;
        int designs = 0;
        for (FeatureCurve c : new FeatureCurve[] {lin, gauss}) {
            DMatrixRMaj t = c.featuresAtTruth();
            DMatrixRMaj sg = c.space().gram(t, t);
            DMatrixRMaj pp = Mat.sub(Mat.identity(sg.numRows), Mat.mult(sg, PseudoInverse.pinv(sg)));
            int r = PseudoInverse.of(sg).rank();
            for (int n : new int[] {2, 3, 5, 20, 100}) {
                for (int j = 0; j < 20; j++) {
                    EmpiricalDesign e = EmpiricalDesign.draw(c.space(), t, Mat.mult(t, new DMatrixRMaj(t.numCols, 1)),
                            n, ctx.rng(claimId() + "/design", designs));
                    designs++;
                    if (e.rankN() > r) {
                        rankViolations++;
                    }
                    DMatrixRMaj sn = e.sigmaN();
                    worstSpan = Math.max(worstSpan, Mat.frob(Mat.mult(pp, sn)) / Math.max(1e-300, Mat.frob(sn)));
                }
            }
        }
        res.add(Evidence.zero("designs with rank Sigma_n > rank Sigma", Role.CLAIM, rankViolations, 0,
                designs + " designs, n in {2,3,5,20,100}, G-LIN and G-GAUSS"));
        res.add(Evidence.zero("max ||(I - Sigma Sigma+) Sigma_n||_F / ||Sigma_n||_F", Role.CLAIM, worstSpan, 1e-10,
                "Im Sigma_n inside Im Sigma"));
        // planted: a point of mu-measure zero carrying a feature outside Im Sigma
        int big = 12;
        DMatrixRMaj phi = new DMatrixRMaj(big + 1, 3);
        double[] w = new double[big + 1];
        for (int s = 0; s < big; s++) {
            phi.set(s, 0, rng.gaussian());
            phi.set(s, 1, rng.gaussian());
            w[s] = 1.0 / big;
        }
        phi.set(big, 0, rng.gaussian());
        phi.set(big, 2, 1.0);
        DMatrixRMaj wphi = phi.copy();
        for (int s = 0; s <= big; s++) {
            for (int j = 0; j < 3; j++) {
                wphi.set(s, j, wphi.get(s, j) * w[s]);
            }
        }
        DMatrixRMaj sp = Mat.multTransA(phi, wphi);
        DMatrixRMaj ppl = Mat.sub(Mat.identity(3), Mat.mult(sp, PseudoInverse.pinv(sp)));
        DMatrixRMaj nullPoint = Mat.col(phi.get(big, 0), phi.get(big, 1), phi.get(big, 2));
        res.add(Evidence.plantedErrorCaught("containment demanded at a point of weight zero",
                Evidence.zero("||(I - Sigma Sigma+) phi(x0)|| at the weight-zero point", Role.CONTROL,
                        Mat.frob(Mat.mult(ppl, nullPoint)), 1e-10, "feature 3 vanishes on the support")));
        return res.build();
    }
}
