package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma C.13 (p. 32): for noise with E[eps | x] = 0 and Cov(eps | x) = sigma^2 I,
 * E[(1/n) ||H eps||^2 | x] = (sigma^2 / n) tr H = (sigma^2 / n) d_eff,n. Two rank-deficient designs with an intercept
 * column (a collinear design and a low-rank one): the trace identity exactly (tolerance {@link Tolerance#forDesign}
 * times sigma^2) and a Monte Carlo over Gaussian noise vectors (CI 20000, PAPER 100000 draws) within
 * {@link FalseAlarm#Z} standard errors. The correlated-noise formula (sigma^2 / n) tr(H R) is checked the same way as a
 * control of our simulator.
 *
 * <p>Negative control: correlated noise, Cov = sigma^2 R with R = 0.5 I + 0.5 11^T: the Monte Carlo mean must fall
 * outside Z standard errors of (sigma^2 / n) d_eff,n (it is near (sigma^2 / n)(0.5 d_eff,n + 0.5 n) since 1 lies in
 * Im Phi). False-alarm rate: 4 Monte Carlo comparisons at 4.2e-6 each, below 2e-5.
 */
public final class LemmaC13Check implements Check {

    @Override public String claimId() { return "Lemma C.13"; }
    @Override public String name() { return "projected-noise identity E||H eps||^2/n = sigma^2 d_eff,n / n"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "If E[eps | x] = 0 and E[eps eps^T | x] = sigma^2 I, then E[(1/n)||H eps||^2 | x] = (sigma^2/n) tr H "
                + "= (sigma^2/n) d_eff,n.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int draws = ctx.scale().pick(20000, 100000);
        for (int c = 0; c < 2; c++) {
            Rng rng = ctx.rng(claimId(), c);
            int n = 12 + 3 * c;
            DMatrixRMaj phi = designWithIntercept(c, n, rng);
            int rank = EffectiveDimension.of(phi).value();
            double sigma2 = 0.5 + 1.5 * rng.nextDouble();
            HatMatrix h = HatMatrix.of(phi);
            double claimed = sigma2 * rank / n;
            String label = (c == 0 ? "collinear" : "low-rank") + " design " + n + "x" + phi.numCols + ", d_eff,n="
                    + rank + ", sigma^2=" + String.format(java.util.Locale.ROOT, "%.3f", sigma2);
            ProjectedNoise white = ProjectedNoise.homoskedastic(h, sigma2);
            res.add(Evidence.close("(sigma^2/n) tr H vs (sigma^2/n) d_eff,n [" + label + "]", Role.CLAIM,
                    white.expected(), claimed, Tolerance.forDesign(phi) * sigma2, ""));
            MonteCarlo mc = white.monteCarlo(draws, rng);
            res.add(Evidence.withinSE("MC mean of (1/n)||H eps||^2, Cov = sigma^2 I [" + label + "]", Role.CLAIM,
                    mc.mean(), claimed, mc.standardError(), FalseAlarm.Z, draws + " noise vectors"));
            DMatrixRMaj r = Mat.add(Mat.scale(0.5, Mat.identity(n)), Mat.scale(0.5, ones(n)));
            ProjectedNoise correlated = ProjectedNoise.correlated(h, sigma2, r);
            MonteCarlo mcCorr = correlated.monteCarlo(draws, rng);
            res.add(Evidence.withinSE("MC mean with Cov = sigma^2 R vs (sigma^2/n) tr(H R) [" + label + "]",
                    Role.CONTROL, mcCorr.mean(), correlated.expected(), mcCorr.standardError(), FalseAlarm.Z,
                    "our simulator of correlated noise"));
            res.add(Evidence.plantedErrorCaught("correlated noise R = 0.5 I + 0.5 11^T",
                    Evidence.withinSE("MC mean with Cov = sigma^2 R vs (sigma^2/n) d_eff,n [" + label + "]",
                            Role.CONTROL, mcCorr.mean(), claimed, mcCorr.standardError(), FalseAlarm.Z, "")));
        }
        return res.build();
    }

    /** Case 0: [1, G, copies of G's columns] (collinear); case 1: [1, rank-3 product] (low rank). */
    static DMatrixRMaj designWithIntercept(int c, int n, Rng rng) {
        DMatrixRMaj rest = c == 0 ? RandomMatrices.collinearDesign(n, 6, 2, rng) : RandomMatrices.ofRank(n, 6, 3, rng);
        DMatrixRMaj phi = new DMatrixRMaj(n, 7);
        for (int i = 0; i < n; i++) {
            phi.set(i, 0, 1.0);
            for (int j = 0; j < 6; j++) {
                phi.set(i, j + 1, rest.get(i, j));
            }
        }
        return phi;
    }

    private static DMatrixRMaj ones(int n) {
        DMatrixRMaj o = new DMatrixRMaj(n, n);
        o.fill(1.0);
        return o;
    }
}
