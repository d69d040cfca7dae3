package twostage.residual;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.ls.FeatureMap;
import twostage.ls.FiniteSupportLaw;
import twostage.ls.PopulationProjector;
import twostage.random.Rng;

/**
 * Proposition G.14 (p. 61): when B0 = {0} (constant rank), Omega -> Pi_Omega is Frechet differentiable, with
 * ||Pi_{exp(v)} - Pi* - DPi*[v]||_op = o(||v||) and DPi from the product rule on Pi = T Sigma^+ T^adj with (G.4).
 *
 * <p>Instances (random, per replication): G-LIN tanh features on N = 40 support points (d = 3, k = 3, full rank);
 * G-LIN with a dependent fourth feature phi_1 + (1 + B_00) phi_2 (rank 3 with a kernel that turns with Omega);
 * G-GAUSS curved linear features (d = 5, p = 3). For a random unit direction v the L^2-operator-norm Taylor remainder
 * over t = 1e-1..1e-4 must have slope at least 2 - 0.3, and the central difference of Pi at t = 1e-5 must match DPi[v] to
 * relative error 1e-6. Deterministic (no statistical false alarm).
 *
 * <p>Negative control: on the dependent instance, the product rule without the term T D(Sigma^+)[DSigma] T^adj
 * leaves an O(t) remainder. (The range-turning terms of (G.4) vanish inside T (.) T^adj since ker Sigma = ker T, so
 * Pi does not see them; the constant-rank requirement enters through the continuity of Sigma^+.)
 */
public final class PropositionG14Check extends TheoryCheck {

    public PropositionG14Check() {
        super("Proposition G.14", "projector derivative by the product rule on G-LIN and G-GAUSS curves",
                "If B0 = {0}, Omega -> Pi_Omega = T_Omega Sigma(Omega)^+ T_Omega^adj is Frechet differentiable at Omega* "
                        + "as a map into bounded operators on L2: ||Pi_exp(v) - Pi* - DPi*[v]||op = o(||v||).");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(3, 15);
        List<FeatureCurve> curves = new ArrayList<>();
        List<FeatureCurve> dependent = new ArrayList<>();
        for (int k = 0; k < tries; k++) {
            Rng rng = ctx.rng(claimId(), k);
            curves.add(Instances.tanhOnSupport(rng, 40, 3, 3, false, 3));
            TanhCurve dep = Instances.tanhOnSupport(rng, 40, 3, 3, true, 3);
            curves.add(dep);
            dependent.add(dep);
            curves.add(Instances.curvedGaussian(rng, 5, 3, 3));
        }
        TaylorSlope worst = null;
        String worstName = "";
        double worstFd = 0;
        int k = 0;
        for (FeatureCurve c : curves) {
            double[] v = Instances.unitVector(c.tangentDimension(), ctx.rng(claimId() + "/v", k++));
            TaylorSlope s = ProjectorDerivative.slope(c, v, true);
            if (worst == null || s.slope() < worst.slope()) {
                worst = s;
                worstName = c.name();
            }
            FunctionSpace sp = c.space();
            double h = 1e-5;
            DMatrixRMaj fd = Mat.scale(1 / (2 * h), Mat.sub(sp.projector(c.features(Instances.scaled(h, v))),
                    sp.projector(c.features(Instances.scaled(-h, v)))));
            DMatrixRMaj dp = ProjectorDerivative.of(c, v);
            worstFd = Math.max(worstFd, sp.opNorm(Mat.sub(fd, dp)) / Math.max(1e-12, sp.opNorm(dp)));
        }
        res.add(SlopeEvidence.slope("worst Taylor-remainder slope of Pi along exp(tv) with the product-rule DPi",
                Role.CLAIM, worst, 2.0, curves.size() + " curves (tanh full rank, tanh + dependent feature, curved "
                        + "Gaussian); worst on " + worstName));
        res.add(Evidence.atMost("max relative L2-operator error of central FD (h=1e-5) vs DPi", Role.CLAIM, worstFd,
                1e-6, "DERIVATIVE rule of claims.md section 0"));
        TaylorSlope planted = null;
        for (FeatureCurve c : dependent) {
            double[] v = Instances.unitVector(c.tangentDimension(), ctx.rng(claimId() + "/planted", 0));
            TaylorSlope s = ProjectorDerivative.slope(c, v, false);
            if (planted == null || s.slope() < planted.slope()) {
                planted = s;
            }
        }
        res.add(Evidence.plantedErrorCaught("product rule without the term T D(Sigma+)[DSigma] T^adj",
                SlopeEvidence.slope("smallest slope without the pseudo-inverse derivative term", Role.CONTROL, planted, 2.0,
                        "")));
        // the same population projector from the least-squares package (independent implementation of Pi on G-LIN)
        double worstLs = 0;
        for (FeatureCurve c : curves) {
            if (c instanceof TanhCurve tc && tc.featureDimension() == tc.b0().numCols) {
                FiniteSupportLaw law = FiniteSupportLaw.uniform(tc.points(), FeatureMap.tanh(tc.b0()), x -> 0.0);
                PopulationProjector pp = PopulationProjector.of(law);
                DMatrixRMaj mine = tc.space().projector(tc.featuresAtTruth());
                Rng g = ctx.rng(claimId() + "/ls", 0);
                for (int j = 0; j < 5; j++) {
                    double[] h = g.gaussians(tc.points().numRows);
                    DMatrixRMaj ours = Mat.mult(mine, Mat.col(h));
                    worstLs = Math.max(worstLs, Mat.dist(ours, Mat.col(pp.apply(h))) / (1 + Mat.frob(ours)));
                }
            }
        }
        res.add(Evidence.zero("max ||Pi g here - Pi g from twostage.ls.PopulationProjector|| on G-LIN", Role.CONTROL,
                worstLs, 1e-10, "two implementations of the population projector"));
        res.attach(Attachment.csv("g14-worst-remainders.csv", worst.csv()));
        return res.build();
    }
}
