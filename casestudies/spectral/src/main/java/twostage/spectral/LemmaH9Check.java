package twostage.spectral;

import twostage.stats.LogLogSlope;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.geometry.FixedRankPsdGeometry;
import twostage.geometry.FixedRankPsdPoint;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma H.9 (p. 77): the empirical spectral loss satisfies Assumption D.5 on M_{d,k} at M* (identification, uniform LLN
 * and localisation, C^2 smoothness and score moments, positive definite Riemannian Hessian, transported-Hessian
 * convergence). NOT_CHECKABLE as a whole (existence statements). Proxies on a random instance with C of full rank
 * (d = 4, k = 2):
 * (i) L(M) - L(M*) &gt;= c ||M - M*||^2 on random M near M* (min ratio &gt; 0) and random restarts reach M*;
 * (ii) sup over a fixed net of 20 points near M* of |L-hat_m - L| decreases from m = 500 to m = 8000;
 * (iii) derivative formulas (H.7)-(H.10) by Taylor remainders (first order: slope 2 within 0.25; second order: zero
 *       to rounding, since l and L are quadratic in M; in A the quartic pull-back has slope 3), the
 *       Monte Carlo mean of (H.7) against (H.9) (z = FalseAlarm.Z = 4.75) and E||P_T grad l(M*)||^2 against tr Sigma* (z = FalseAlarm.Z = 4.75);
 * (iv) the Riemannian Hessian (CF7) is positive definite, and second differences of L along the retraction agree with
 *      &lt;xi, H xi&gt; (relative 1e-4);
 * (v) ||Hess L-hat_m(M*) - H*||_F decays like m^-1/2 (fitted exponent within 0.15 of -0.5, 20 replicates per m).
 * Negative control: the Euclidean Hessian 2 Sigma xi Sigma fails the second-difference comparison along the retraction.
 */
public final class LemmaH9Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.9"; }
    @Override public String name() { return "Assumption D.5 for the spectral loss: proxies (i)-(v)"; }
    @Override public String statement() {
        return "Under Sigma_pre > 0, Assumption 6.1 and (H.6), the empirical spectral loss satisfies Assumption D.5 on M_{d,k} "
                + "at M*: identification, uniform LLN and localisation, local C^2 smoothness with finite score moments, "
                + "positive definite Riemannian Hessian, and uniform convergence of the transported Hessian.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("Assumption D.5 consists of existence statements (neighbourhoods, envelopes, uniform limits); "
                + "proxies (i)-(v) run instead");
        Rng rng = ctx.rng(claimId(), 0);
        SpectralModel model = SpectralInstances.random(4, 2, false, rng);
        DMatrixRMaj mStar = model.mStar();
        double lStar = model.populationLoss(mStar);
        int d = model.d();
        int k = model.k();
        // (i)
        double minRatio = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 50; t++) {
            DMatrixRMaj m = SpectralInstances.near(model, 0.02 + 0.3 * rng.nextDouble(), rng);
            double dist = Mat.dist(m, mStar);
            minRatio = Math.min(minRatio, (model.populationLoss(m) - lStar) / (dist * dist));
        }
        res.add(Evidence.atLeast("(i) min (L(M) - L(M*)) / ||M - M*||^2 over 50 random M near M*", Role.CLAIM, minRatio, 1e-6,
                "eig(C) = " + java.util.Arrays.toString(model.whitenedEigenvalues())));
        double worstRestart = 0;
        for (int r = 0; r < 5; r++) {
            SpectralFit fit = SpectralMinimiser.standard().minimise(QuarticObjective.population(model),
                    RandomMatrices.gaussian(k, d, rng));
            worstRestart = Math.max(worstRestart, Mat.dist(fit.m(), mStar));
        }
        res.add(Evidence.atMost("(i) max ||M(restart) - M*|| over 5 random restarts", Role.CLAIM, worstRestart, 1e-6, ""));
        // (ii)
        DMatrixRMaj[] net = new DMatrixRMaj[20];
        for (int i = 0; i < net.length; i++) {
            net[i] = SpectralInstances.near(model, 0.2, rng);
        }
        PositivePairSampler sampler = PositivePairSampler.of(model);
        int[] ms = {500, 2000, 8000};
        double[] sup = new double[3];
        for (int i = 0; i < 3; i++) {
            int m = ms[i];
            List<Double> sups = ctx.replicate(claimId() + "/ulln/m=" + m, 10, (r, g) -> {
                QuarticObjective emp = QuarticObjective.empirical(sampler.sample(m, g));
                double s = 0;
                for (DMatrixRMaj p : net) {
                    s = Math.max(s, Math.abs(emp.value(p) - model.populationLoss(p)));
                }
                return s;
            });
            sup[i] = sups.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
        res.add(Evidence.atMost("(ii) mean sup_net |L-hat_m - L| at m = 8000 relative to m = 500", Role.CLAIM, sup[2] / sup[0], 1,
                "means over 10 replicates: " + fmt(sup[0]) + ", " + fmt(sup[1]) + ", " + fmt(sup[2])));
        // (iii) derivative formulas
        double[] z = sampler.sample(rng);
        DMatrixRMaj m0 = randomSymmetric(d, rng);
        DMatrixRMaj h0 = randomSymmetric(d, rng);
        DMatrixRMaj h = Mat.scale(0.1 / Mat.frob(h0), h0);
        DMatrixRMaj g = SpectralLoss.gradientM(m0, z);
        double hh = Mat.inner(h, SpectralLoss.hessianM(h, z));
        double f0 = SpectralLoss.lossM(m0, z);
        double s1 = LogLogSlope.taylor(t -> SpectralLoss.lossM(Mat.add(m0, Mat.scale(t, h)), z) - f0 - t * Mat.inner(g, h), 1e-13);
        double rem2 = 0;
        for (double t : LogLogSlope.TAYLOR_STEPS) {
            rem2 = Math.max(rem2, Math.abs(SpectralLoss.lossM(Mat.add(m0, Mat.scale(t, h)), z) - f0 - t * Mat.inner(g, h)
                    - 0.5 * t * t * hh));
        }
        res.add(Evidence.close("(iii) Taylor slope of the first-order remainder with (H.7)", Role.CLAIM, s1, 2, 0.25, ""));
        res.add(Evidence.atMost("(iii) max second-order remainder with (H.8) over h = 1e-1..1e-4 (l is quadratic in M, so it "
                + "must vanish to rounding)", Role.CLAIM, rem2, 1e-11 * (1 + Math.abs(f0)), ""));
        double p0 = model.populationLoss(m0);
        DMatrixRMaj pg = model.populationGradient(m0);
        double ph = Mat.inner(h, model.populationHessian(h));
        double s3 = LogLogSlope.taylor(t -> model.populationLoss(Mat.add(m0, Mat.scale(t, h))) - p0 - t * Mat.inner(pg, h), 1e-13);
        double r4 = 0;
        for (double t : LogLogSlope.TAYLOR_STEPS) {
            r4 = Math.max(r4, Math.abs(model.populationLoss(Mat.add(m0, Mat.scale(t, h))) - p0 - t * Mat.inner(pg, h)
                    - 0.5 * t * t * ph));
        }
        res.add(Evidence.close("(iii) Taylor slope with (H.9)", Role.CLAIM, s3, 2, 0.25, ""));
        res.add(Evidence.atMost("(iii) max second-order remainder with (H.10) (L is quadratic in M)", Role.CLAIM, r4,
                1e-11 * (1 + Math.abs(p0)), ""));
        DMatrixRMaj a0 = RandomMatrices.gaussian(k, d, rng);
        DMatrixRMaj e0 = RandomMatrices.gaussian(k, d, rng);
        DMatrixRMaj ea = Mat.scale(0.1 / Mat.frob(e0), e0);
        DMatrixRMaj ga = SpectralLoss.gradientA(a0, z);
        DMatrixRMaj ev = new DMatrixRMaj(k * d, 1, true, ea.getData());
        double eHe = Mat.multTransA(ev, Mat.mult(SpectralLoss.hessianA(a0, z), ev)).get(0);
        double fa = SpectralLoss.loss(a0, z);
        double sa = LogLogSlope.taylor(t -> SpectralLoss.loss(Mat.add(a0, Mat.scale(t, ea)), z) - fa - t * Mat.inner(ga, ea)
                - 0.5 * t * t * eHe, 1e-12);
        res.add(Evidence.close("(iii) Taylor slope of the second-order remainder of l in A (pulled-back Hessian)", Role.CONTROL,
                sa, 3, 0.25, "the loss is quartic in A"));
        int n = ctx.scale().pick(200_000, 1_000_000);
        double[] proj = new double[n];
        double[] sq = new double[n];
        FixedRankPsdGeometry geo = FixedRankPsdGeometry.of(d, k);
        FixedRankPsdPoint pt = geo.point(mStar.getData());
        DMatrixRMaj pu = pt.rangeProjector();
        Rng r2 = ctx.rng(claimId() + "/score", 0);
        for (int j = 0; j < n; j++) {
            double[] zz = sampler.sample(r2);
            DMatrixRMaj gm = SpectralLoss.gradientM(m0, zz);
            proj[j] = Mat.inner(gm, h0);
            DMatrixRMaj gs = SpectralLoss.gradientM(mStar, zz);
            DMatrixRMaj pg2 = Mat.mult(pu, gs);
            DMatrixRMaj pt2 = Mat.add(pg2, Mat.transpose(pg2));
            org.ejml.dense.row.CommonOps_DDRM.subtractEquals(pt2, Mat.mult(pg2, pu));
            sq[j] = Math.pow(Mat.frob(pt2), 2);
        }
        MonteCarlo mp = MonteCarlo.of(proj);
        res.add(Evidence.withinSE("(iii) Monte Carlo <E grad l(M; z), H> from (H.7) vs <(H.9), H>", Role.CLAIM, mp.mean(),
                Mat.inner(model.populationGradient(m0), h0), mp.standardError(), FalseAlarm.Z, n + " draws"));
        SpectralLimit lim = SpectralLimit.of(model);
        MonteCarlo ms2 = MonteCarlo.of(sq);
        res.add(Evidence.withinSE("(iii) Monte Carlo E||P_T grad l(M*; z)||^2 vs tr Sigma* (finite score moment)", Role.CONTROL,
                ms2.mean(), Mat.trace(lim.scoreCovariance()), ms2.standardError(), FalseAlarm.Z, n + " draws"));
        // (iv)
        DMatrixRMaj hr = lim.riemannianHessian();
        double minEig = SymmetricEigen.of(hr).values()[hr.numRows - 1];
        res.add(Evidence.atLeast("(iv) smallest eigenvalue of the Riemannian Hessian H*", Role.CLAIM, minEig, 1e-8, ""));
        DMatrixRMaj basis = lim.tangentBasis();
        double worstSecond = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        DMatrixRMaj he = lim.paperHessian();
        for (int t = 0; t < 5; t++) {
            double[] c = rng.gaussians(lim.dimension());
            double cn = LemmaH3Check.norm(c);
            DMatrixRMaj cv = Mat.scale(1 / cn, Mat.col(c));
            DMatrixRMaj xi = new DMatrixRMaj(d, d, true, Mat.mult(basis, cv).getData());
            double step = 1e-3;
            double second = (model.populationLoss(new DMatrixRMaj(d, d, true, geo.retract(pt, Mat.scale(step, xi).getData())))
                    + model.populationLoss(new DMatrixRMaj(d, d, true, geo.retract(pt, Mat.scale(-step, xi).getData())))
                    - 2 * lStar) / (step * step);
            double quad = Mat.multTransA(cv, Mat.mult(hr, cv)).get(0);
            double quadE = Mat.multTransA(cv, Mat.mult(he, cv)).get(0);
            worstSecond = Math.max(worstSecond, Math.abs(second - quad) / Math.abs(quad));
            plantedMin = Math.min(plantedMin, Math.abs(second - quadE) / Math.abs(quadE));
        }
        res.add(Evidence.atMost("(iv) max relative |second difference of L along the retraction - <xi, H* xi>|", Role.CONTROL,
                worstSecond, 1e-4, "5 random unit tangent directions, step 1e-3"));
        res.add(Evidence.plantedErrorCaught("Euclidean Hessian 2 Sigma xi Sigma",
                Evidence.atMost("min relative |second difference - <xi, H_E xi>|", Role.CONTROL, plantedMin, 1e-4, "")));
        // (v)
        int[] hm = {500, 2000, 8000};
        double[] err = new double[3];
        for (int i = 0; i < 3; i++) {
            int m = hm[i];
            List<Double> e = ctx.replicate(claimId() + "/hess/m=" + m, 20, (r, gr) -> {
                QuarticObjective emp = QuarticObjective.empirical(sampler.sample(m, gr));
                DMatrixRMaj hh2 = geo.riemannianHessianMatrix(pt, emp.gradient(mStar).getData(),
                        xi -> emp.hessian(new DMatrixRMaj(d, d, true, xi)).getData());
                return Mat.dist(hh2, geo.riemannianHessianMatrix(pt, model.populationGradient(mStar).getData(),
                        xi -> model.populationHessian(new DMatrixRMaj(d, d, true, xi)).getData()));
            });
            err[i] = e.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
        double slope = (Math.log(err[2]) - Math.log(err[0])) / (Math.log(hm[2]) - Math.log(hm[0]));
        res.add(Evidence.close("(v) fitted exponent of mean ||Hess L-hat_m(M*) - H*||_F in m", Role.CLAIM, slope, -0.5, 0.15,
                "means over 20 replicates at m = 500, 2000, 8000: " + fmt(err[0]) + ", " + fmt(err[1]) + ", " + fmt(err[2])));
        return res.build();
    }
}
