package twostage.mest;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.linalg.Vectors;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.stats.KolmogorovSmirnov;

/**
 * Theorem D.4 (p. 38): the Euclidean sandwich CLT sqrt(m)(theta_m - theta*) => N(0, H*^-1 Sigma* H*^-1), on two
 * instances with closed-form H* and Sigma*: well-specified Poisson regression (Newton MLE; V = H*^-1) and least
 * squares with heteroskedastic noise (OLS; V = diag(1.05, 3.05, 1.05), while the naive E[eps^2] H*^-1 = 1.05 I).
 * At m = 200, 800, 3200 (PAPER 250, 1000, 4000, 16000) with 400 replicates (PAPER 2000), c = sqrt(m)(theta_m - theta*) is
 * compared with N(0, V) at the largest m by {@link GaussianLimitComparison#compare}: E[s^2] = 1 and a KS test of
 * s = u^T c / sqrt(u^T V u) (u = (1, 2, 1)/sqrt 6), E[Q] = 3 and a KS test of Q = c^T V^-1 c against chi-square(3);
 * the KS distances at every m are reported (CSV).
 *
 * <p>Negative controls (same comparisons, which must fail): least squares with the naive covariance 1.05 I, and
 * Poisson with the sandwich built from the Hessian without its exp(x^T theta*) weight. False alarms: 8 comparisons
 * at 5e-6 each.
 */
public final class TheoremD4Check implements Check {

    @Override public String claimId() { return "Theorem D.4"; }
    @Override public String name() { return "Euclidean sandwich CLT on Poisson regression and heteroskedastic least squares"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "Under Assumption D.2, sqrt(m)(theta_m - theta*) converges in law to N(0, H*^-1 Sigma* H*^-1) with "
                + "H* = Hess L(theta*) and Sigma* = E[grad l(theta*; Z) grad l(theta*; Z)^T].";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int[] ms = ctx.scale().pick(new int[] {200, 800, 3200}, new int[] {250, 1000, 4000, 16000});
        int reps = ctx.scale().pick(400, 2000);
        double[] u = Vectors.scale(1 / Math.sqrt(6), new double[] {1, 2, 1});

        PoissonRegression poisson = Instances.poisson();
        DMatrixRMaj vp = poisson.sandwich();
        GaussianLimitComparison lp = run(ctx, res, poisson, vp, u, ms, reps, "poisson");
        DMatrixRMaj wrong = Sandwich.of(poisson.unweightedHessian(), poisson.scoreCovariance());
        plant(res, lp, wrong, u, "Poisson sandwich with the exp(eta) weight dropped from H*", poisson.describe());

        LeastSquares ls = Instances.heteroskedastic();
        DMatrixRMaj vl = ls.sandwich();
        DMatrixRMaj naive = ls.naiveCovariance();
        res.add(Evidence.info("least squares: u^T V u / u^T V_naive u (sandwich inflation along u)",
                quad(vl, u) / quad(naive, u), ls.describe()));
        GaussianLimitComparison ll = run(ctx, res, ls, vl, u, ms, reps, "least-squares");
        plant(res, ll, naive, u, "naive covariance E[eps^2] H*^-1 for heteroskedastic least squares", ls.describe());
        return res.build();
    }

    private GaussianLimitComparison run(CheckContext ctx, CheckResult.Builder res, MEstimationProblem p, DMatrixRMaj v, double[] u,
                         int[] ms, int reps, String tag) {
        StringBuilder csv = new StringBuilder("m,ks_projection,p_projection,ks_quadratic,p_quadratic,rel_cov_error\n");
        GaussianLimitComparison last = null;
        for (int m : ms) {
            GaussianLimitComparison law = GaussianLimitComparison.simulate(ctx, claimId() + " " + tag, p, m, reps);
            KolmogorovSmirnov ks = law.projectionTest(u, v);
            KolmogorovSmirnov kq = law.quadraticFormTest(v);
            double rel = law.relativeCovarianceError(v);
            csv.append(m).append(',').append(ks.statistic()).append(',').append(ks.pValue()).append(',')
                    .append(kq.statistic()).append(',').append(kq.pValue()).append(',').append(rel).append('\n');
            res.add(Evidence.info(tag + ": KS distance of the standardised projection at m=" + m, ks.statistic(),
                    "Monte Carlo floor ~" + ks.floor()));
            res.add(Evidence.info(tag + ": relative Frobenius error of the MC covariance vs V at m=" + m, rel, ""));
            last = law;
        }
        res.addAll(last.compare(Role.CLAIM, v, u, tag + ", sandwich V", p.describe()));
        res.attach(Attachment.csv(tag + "-clt.csv", csv.toString()));
        return last;
    }

    /** The planted covariance must fail the second-moment comparisons (E[s^2] = 1 and E[Q] = dim). */
    private static void plant(CheckResult.Builder res, GaussianLimitComparison law, DMatrixRMaj wrong, double[] u, String what,
                              String note) {
        List<Evidence> ev = law.compare(Role.CONTROL, wrong, u, what, note);
        res.add(Evidence.plantedErrorCaught(what, ev.get(0)));
        res.add(Evidence.plantedErrorCaught(what, ev.get(2)));
    }

    private static double quad(DMatrixRMaj v, double[] u) {
        return Mat.inner(Mat.col(u), Mat.mult(v, Mat.col(u)));
    }
}
