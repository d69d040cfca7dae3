package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.SymmetricEigen;
import twostage.random.Rng;

/**
 * Lemma J.5 (p. 106): local uniqueness of the MLE after gauge fixing. NOT_CHECKABLE as stated (its hypotheses are
 * assumptions); proxies on U* = 2 I_{4,d}: lambda_min of the Monte Carlo E[hess l] at U* and at points of a small ball
 * is > 0; the frequency with which lambda_min(hess L_m(U)) >= mu/2 at random ball points rises towards 1 with m; EM
 * from k-means++ restarts reaches the same optimum as EM started at the truth (after label alignment, max centre
 * difference < 1e-3 on every sampled data set).
 */
public final class LemmaJ5Check extends GmmCheck {

    @Override public String claimId() { return "Lemma J.5"; }
    @Override public String name() { return "Local strong convexity and EM restarts reach the same MLE (proxies)"; }
    @Override public String statement() {
        return "Under identifiability up to permutation, hess L >= mu I near U* and uniform Hessian convergence, with "
                + "probability -> 1 the empirical loss is mu/2-strongly convex near U* with a unique minimiser U_m -> U*.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("the lemma's hypotheses (i)-(iii) are assumptions; proxies: positive curvature on a ball, "
                + "empirical strong convexity frequency, agreement of EM restarts");
        int d = ctx.scale().pick(6, 20);
        MixtureModel m = MixtureModel.paperInstance(4, d, 2.0);
        int q = m.parameterDimension();
        Rng rng = ctx.rng(claimId(), 0);
        int nPop = ctx.scale().pick(20_000, 200_000);
        DMatrixRMaj big = m.sample(nPop, rng);
        double mu = minEig(m, m.centres(), big);
        res.add(Evidence.atLeast("lambda_min E[hess l] at U* (MC, N=" + nPop + ")", Role.CLAIM, mu, 0.0, "U* = 2 I_{4," + d + "}"));
        double worstBall = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 3; t++) {
            double[] u = Slopes.axpy(m.centres(), 0.2, gaussianDirection(q, rng));
            worstBall = Math.min(worstBall, minEig(m, u, big));
        }
        res.add(Evidence.atLeast("min lambda_min E[hess l] on 3 points at distance 0.2", Role.CLAIM, worstBall, 0.0, ""));
        int[] ms = ctx.scale().pick(new int[] {200, 2000}, new int[] {200, 2000, 20000});
        double first = 0, last = 0;
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < ms.length; i++) {
            int ok = 0;
            int reps = ctx.scale().pick(10, 40);
            for (int r = 0; r < reps; r++) {
                Rng rr = ctx.rng(claimId() + "/convexity/" + ms[i], r);
                DMatrixRMaj x = m.sample(ms[i], rr);
                double[] u = Slopes.axpy(m.centres(), 0.2, gaussianDirection(q, rr));
                if (minEig(m, u, x) >= mu / 2) {
                    ok++;
                }
            }
            double freq = ok / (double) reps;
            note.append("m=").append(ms[i]).append(": ").append(freq).append("; ");
            if (i == 0) {
                first = freq;
            }
            last = freq;
        }
        res.add(Evidence.atLeast("frequency of lambda_min(hess L_m) >= mu/2 at the largest m", Role.CLAIM, last, first, note.toString()));
        EmEstimator em = EmEstimator.of(4, d, 1e-8, 2000, 0);
        EmEstimator restarts = EmEstimator.of(4, d, 1e-8, 2000, 5);
        double worstDiff = 0;
        int sets = ctx.scale().pick(3, 10);
        for (int r = 0; r < sets; r++) {
            Rng rr = ctx.rng(claimId() + "/em", r);
            DMatrixRMaj x = m.sample(ctx.scale().pick(4000, 20000), rr);
            double[] a = em.fit(x, m.centres(), rr).centres();
            EmEstimator.Fit fb = restarts.fit(x, null, rr);
            double[] b = LabelAlignment.align(4, d, fb.centres(), a);
            double diff = 0;
            for (int j = 0; j < a.length; j++) {
                diff = Math.max(diff, Math.abs(a[j] - b[j]));
            }
            worstDiff = Math.max(worstDiff, diff);
        }
        res.add(Evidence.atMost("max |EM(k-means++ x5) - EM(truth start)| after alignment", Role.CLAIM, worstDiff, 1e-3,
                sets + " data sets; EM tolerance 1e-8"));
        return res.build();
    }

    static double minEig(MixtureModel m, double[] u, DMatrixRMaj x) {
        int q = m.parameterDimension();
        DMatrixRMaj h = new DMatrixRMaj(q, q);
        double[] row = new double[m.dimension()];
        for (int j = 0; j < x.numRows; j++) {
            System.arraycopy(x.data, j * m.dimension(), row, 0, m.dimension());
            DMatrixRMaj hj = m.hessian(u, row);
            for (int a = 0; a < q * q; a++) {
                h.data[a] += hj.data[a] / x.numRows;
            }
        }
        double[] lam = SymmetricEigen.of(InteractionLimit.symmetrize(h)).values();
        return lam[lam.length - 1];
    }
}
