package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma H.5 (p. 74): on U, sup E q_M(X)^{2+eta} and sup E[e_M(X)^2 q_M(X)^{1+eta}] are finite; the proof uses
 * q_M(x) &lt;= C||x||^2 and |e_M(x)| &lt;= C||x||. The constants are existential (NOT_CHECKABLE); proxies:
 * (1) the sharper exact inequality q_M(x) = phi^T Sigma(M)^+ phi &lt;= x^T Sigma_down^-1 x (a projected leverage is at most
 * the full one); (2) e_M(x) = (w* - P(M) Sigma_down w*)^T x is linear, with P(M) = s^T Sigma(M)^+ s equal to
 * Sigma_down^-1/2 Pi(B(M)) Sigma_down^-1/2 ((H.28)-(H.30)), relative tolerance 1e-9; (3) Monte Carlo moments
 * (eta = 0.5) at N and 2N inputs agree within 4.6 combined SE. Negative control: the bound with Sigma_down in place of
 * Sigma_down^-1 is violated.
 */
public final class LemmaH5Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.5"; }
    @Override public String name() { return "leverage bound q_M(x) <= x^T Sigma_down^-1 x, linear e_M, moment stability (proxies)"; }
    @Override public String statement() {
        return "If E||X||^{4+delta} < inf there are eta > 0 and constants with sup_U E q_M(X)^{2+eta} <= C_q and "
                + "sup_U E[e_M(X)^2 q_M(X)^{1+eta}] <= C_e.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("the neighbourhood, eta and the constants are existential; proxies: exact leverage bound, linearity "
                + "of e_M with (H.28)-(H.30), Monte Carlo moment stability");
        int tries = ctx.scale().pick(40, 400);
        double worstBound = Double.NEGATIVE_INFINITY;
        double worstP = 0;
        double plantedMax = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = rng.nextInt(3, 5);
            int k = rng.nextInt(1, d - 1);
            SpectralModel base = SpectralInstances.random(d, k, false, rng);
            DMatrixRMaj sd = RandomMatrices.spd(d, 1 + 9 * rng.nextDouble(), rng);
            SpectralModel model = SpectralModel.of(base.sigmaPre(), base.sigmaPlusPre(), k, sd, base.betaStar(), 1);
            DMatrixRMaj m = SpectralInstances.near(model, 0.05 * Mat.frob(model.mStar()), rng);
            DMatrixRMaj s = model.section().apply(m);
            DMatrixRMaj p = projection(s, sd);
            SymmetricEigen esd = SymmetricEigen.of(sd);
            DMatrixRMaj half = esd.apply(Math::sqrt);
            DMatrixRMaj invHalf = esd.apply(v -> 1 / Math.sqrt(v));
            DMatrixRMaj viaPi = Mat.mult(invHalf, ProjectorDerivative.projector(Mat.mult(half, m, half), k), invHalf);
            worstP = Math.max(worstP, Mat.dist(p, viaPi) / Mat.frob(viaPi));
            DMatrixRMaj sdInv = esd.apply(v -> 1 / v);
            for (int j = 0; j < 10; j++) {
                double[] x = rng.gaussians(d);
                double q = SpectralLoss.quad(p, x, x);
                double full = SpectralLoss.quad(sdInv, x, x);
                worstBound = Math.max(worstBound, (q - full) / full);
                plantedMax = Math.max(plantedMax, (q - SpectralLoss.quad(sd, x, x)) / full);
            }
        }
        String note = tries + " instances x 10 inputs, random Sigma_down, M within 5% of M*";
        res.add(Evidence.atMost("max relative excess of q_M(x) over x^T Sigma_down^-1 x", Role.CLAIM, worstBound, 1e-10, note));
        res.add(Evidence.atMost("max relative ||s^T Sigma(M)^+ s - Sigma_down^-1/2 Pi(B(M)) Sigma_down^-1/2||", Role.CLAIM, worstP,
                1e-9, "(H.28)-(H.30): e_M(x) = (w* - P(M) Sigma_down w*)^T x is linear in x"));
        res.add(Evidence.plantedErrorCaught("bound x^T Sigma_down x instead of x^T Sigma_down^-1 x",
                Evidence.atMost("max relative excess of q_M(x) over the planted bound", Role.CONTROL, plantedMax, 1e-10, note)));
        // moment stability
        SpectralModel model = SpectralModel.corollary63(2, 4, 1);
        Rng rng = ctx.rng(claimId() + "/mc", 0);
        DMatrixRMaj m = SpectralInstances.near(model, 0.05, rng);
        DMatrixRMaj s = model.section().apply(m);
        DMatrixRMaj p = projection(s, model.sigmaDown());
        DMatrixRMaj w = model.targetWeights();
        DMatrixRMaj e = Mat.sub(w, Mat.mult(p, Mat.mult(model.sigmaDown(), w)));
        int n = ctx.scale().pick(50_000, 500_000);
        PositivePairSampler sampler = PositivePairSampler.of(model);
        double[][] mom = new double[2][];
        for (int half = 0; half < 2; half++) {
            int size = n * (half + 1);
            DMatrixRMaj xs = sampler.downstreamInputs(size, ctx.rng(claimId() + "/mc", half + 1));
            double[] a = new double[size];
            double[] b = new double[size];
            for (int i = 0; i < size; i++) {
                double[] x = LemmaH3Check.row(xs, i);
                double q = SpectralLoss.quad(p, x, x);
                double ex = SpectralLoss.dot(LemmaH3Check.col(e), x);
                a[i] = Math.pow(q, 2.5);
                b[i] = ex * ex * Math.pow(q, 1.5);
            }
            MonteCarlo ma = MonteCarlo.of(a);
            MonteCarlo mb = MonteCarlo.of(b);
            mom[half] = new double[] {ma.mean(), ma.standardError(), mb.mean(), mb.standardError()};
        }
        res.add(Evidence.withinSE("E q_M^{2.5} at N vs 2N inputs (difference)", Role.CONTROL, mom[0][0] - mom[1][0], 0,
                Math.hypot(mom[0][1], mom[1][1]), FalseAlarm.Z, "N=" + n + ", values " + fmt(mom[0][0]) + ", " + fmt(mom[1][0])));
        res.add(Evidence.withinSE("E e_M^2 q_M^{1.5} at N vs 2N inputs (difference)", Role.CONTROL, mom[0][2] - mom[1][2], 0,
                Math.hypot(mom[0][3], mom[1][3]), FalseAlarm.Z, "values " + fmt(mom[0][2]) + ", " + fmt(mom[1][2])));
        return res.build();
    }

    /** P(M) = s^T (s Sigma_down s^T)^+ s. */
    static DMatrixRMaj projection(DMatrixRMaj s, DMatrixRMaj sd) {
        DMatrixRMaj sig = Mat.mult(s, Mat.multTransB(sd, s));
        SpectralModel.symmetrise(sig);
        return Mat.multTransA(s, Mat.mult(twostage.linalg.PseudoInverse.pinv(sig), s));
    }
}
