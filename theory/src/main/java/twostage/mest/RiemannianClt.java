package twostage.mest;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.stats.KolmogorovSmirnov;
import twostage.stats.MonteCarlo;

/**
 * The Monte Carlo part shared by the Theorem D.7 checks: c = sqrt(m) B^T log_{O*}(O_m) along m = m0, 4 m0, ...,
 * mMax; the engine sandwich V = H*^-1 Sigma* H*^-1 against an independent closed form (CONTROL, 1e-10 relative);
 * at the largest m the second moments E[c_i c_j] within Z SE of V (all entries when dim <= 3, the diagonal
 * otherwise; the quadratic form covers the rest), the four comparisons of {@link GaussianLimitComparison#compare}, and the KS
 * distance of the standardised projection shrinking from the smallest to the largest m; a planted covariance must
 * fail the second-moment comparisons.
 */
final class RiemannianClt {

    private RiemannianClt() {
    }

    static void run(CheckContext ctx, CheckResult.Builder res, String stream, MEstimationProblem p,
                    DMatrixRMaj closedForm, DMatrixRMaj planted, String plantedLabel, int m0, int mMax, int reps,
                    double[] u, String csvName) {
        DMatrixRMaj v = p.sandwich();
        res.add(Evidence.zero("|V_engine - V_closed form|_F (tangent coordinates)", Role.CONTROL,
                Mat.dist(v, closedForm), 1e-10 * Mat.frob(closedForm), p.describe()));
        StringBuilder csv = new StringBuilder("m,ks_projection,p_projection,ks_quadratic,p_quadratic,rel_cov_error\n");
        GaussianLimitComparison first = null;
        GaussianLimitComparison last = null;
        for (int m = m0; m <= mMax; m *= 4) {
            GaussianLimitComparison law = GaussianLimitComparison.simulate(ctx, stream, p, m, reps);
            KolmogorovSmirnov ks = law.projectionTest(u, v);
            KolmogorovSmirnov kq = law.quadraticFormTest(v);
            double rel = law.relativeCovarianceError(v);
            csv.append(m).append(',').append(ks.statistic()).append(',').append(ks.pValue()).append(',')
                    .append(kq.statistic()).append(',').append(kq.pValue()).append(',').append(rel).append('\n');
            res.add(Evidence.info("KS distance of the standardised projection at m=" + m, ks.statistic(),
                    "p=" + ks.pValue() + "; Monte Carlo floor ~" + ks.floor() + "; relative covariance error " + rel));
            if (first == null) {
                first = law;
            }
            last = law;
        }
        res.attach(Attachment.csv(csvName, csv.toString()));
        String note = p.describe() + "; " + reps + " replicates";
        int dim = v.numRows;
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < (dim <= 3 ? dim : i + 1); j++) {
                MonteCarlo e = last.secondMoment(i, j);
                res.add(Evidence.withinSE("E[c_" + i + " c_" + j + "] vs V_" + i + j + " at m=" + last.m(), Role.CLAIM,
                        e.mean(), v.get(i, j), e.standardError(), FalseAlarm.Z, note));
            }
        }
        res.addAll(last.compare(Role.CLAIM, v, u, "Riemannian sandwich", note));
        res.add(Evidence.atMost("KS distance at m=" + last.m() + " vs at m=" + first.m() + " (shrinks)", Role.CLAIM,
                last.projectionTest(u, v).statistic(), first.projectionTest(u, v).statistic(), note));
        List<Evidence> ev = last.compare(Role.CONTROL, planted, u, plantedLabel, note);
        res.add(Evidence.plantedErrorCaught(plantedLabel, ev.get(0)));
        res.add(Evidence.plantedErrorCaught(plantedLabel, ev.get(2)));
    }
}
