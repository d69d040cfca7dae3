package twostage.gmm;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma J.6 (p. 107): Assumption D.5 on the mixture quotient.
 * <ul>
 *   <li>KL identity F(U) - F(U*) = KL(p_U* || p_U) >= 0: the mean of l(U; X) - l(U*; X) on one sample agrees with the
 *       KL estimate E[log p_U*(X) - log p_U(X)] on an independent sample within 4.6 SE; it is > 0 at perturbed U
 *       (beyond 4.6 SE) and exactly 0 at a relabelling of U* (loss invariance). Negative control: a reflected centre
 *       (not a relabelling) gives a KL clearly > 0.</li>
 *   <li>CLT on the flat quotient: after label alignment, Z = sqrt(m)(U_m - U*) has covariance I(U*)^-1. Statistic:
 *       the per-replicate z^T I z (centred), whose mean must equal Kd within 4.6 SE (false-alarm 4.2e-6). K = 3, d = 2,
 *       centres (0,0), (4,0), (0,4); m = 5000 and 20000 (CI: 2000 and 8000, 200 replicates); the relative Frobenius error ||Cov I - I||/||I|| is reported
 *       with m. Negative control: the planted V = 2 I^-1 gives mean Kd/2 and is caught.</li>
 * </ul>
 */
public final class LemmaJ6Check extends GmmCheck {

    @Override public String claimId() { return "Lemma J.6"; }
    @Override public String name() { return "KL identity of the population objective and CLT of aligned EM centres with V = I^-1"; }
    @Override public String statement() {
        return "Under Assumption 6.5 and Lemma J.5, F(U) - F(U*) = KL(p_U* || p_U) >= 0 with equality only on the orbit, and "
                + "Assumption D.5 holds, so sqrt(m) log_{U*}(U_m) => N(0, I(U*)^-1) on the quotient.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        MixtureModel m = MixtureModel.of(3, 2, new double[] {0, 0, 4, 0, 0, 4});
        double[] star = m.centres();
        Rng rng = ctx.rng(claimId() + "/kl", 0);
        int n = ctx.scale().pick(50_000, 500_000);
        double[] u = Slopes.axpy(star, 0.3, gaussianDirection(6, rng));
        DMatrixRMaj a = m.sample(n, rng);
        DMatrixRMaj b = m.sample(n, rng);
        MonteCarlo f = diffs(m, u, star, a);
        MonteCarlo kl = diffs(m, u, star, b);
        res.add(Evidence.withinSE("F(U) - F(U*) vs independent KL(p_U* || p_U) estimate", Role.CLAIM, f.mean(), kl.mean(),
                Math.hypot(f.standardError(), kl.standardError()), FalseAlarm.Z, "||U - U*|| = 0.3, N = " + n + " each"));
        res.add(Evidence.atLeast("KL(p_U* || p_U) in units of its SE at a perturbed U", Role.CLAIM,
                kl.mean() / kl.standardError(), FalseAlarm.Z, ""));
        int[] g = {2, 0, 1};
        MonteCarlo perm = diffs(m, PermutationGroup.actOn(g, star, 3, 2), star, a);
        res.add(Evidence.zero("F(g.U*) - F(U*) at a relabelling g", Role.CLAIM, perm.mean(), 1e-12, "exact invariance"));
        double[] reflected = star.clone();
        reflected[2] = -4;
        MonteCarlo refl = diffs(m, reflected, star, a);
        res.add(Evidence.plantedErrorCaught("a reflected centre treated as a relabelling",
                Evidence.zero("F(U') - F(U*) at U' with u_2 -> -u_2", Role.CONTROL, refl.mean(), 1e-12, "")));

        // CLT
        DMatrixRMaj fisher = fisher(m, ctx.scale().pick(50_000, 200_000), ctx.rng(claimId() + "/fisher", 0));
        int q = 6;
        int[] ms = ctx.scale().pick(new int[] {2000, 8000}, new int[] {5000, 20000});
        int reps = ctx.scale().pick(200, 1000);
        for (int mm : ms) {
            EmEstimator em = EmEstimator.of(3, 2, 1e-9, 5000, 0);
            List<double[]> zs = ctx.replicate(claimId() + "/clt/" + mm, reps, (r, rr) -> {
                double[] est = em.fit(m.sample(mm, rr), star, rr).centres();
                double[] al = LabelAlignment.align(3, 2, est, star);
                double[] z = new double[q];
                for (int j = 0; j < q; j++) {
                    z[j] = Math.sqrt(mm) * (al[j] - star[j]);
                }
                return z;
            });
            double[] mean = new double[q];
            for (double[] z : zs) {
                for (int j = 0; j < q; j++) {
                    mean[j] += z[j] / reps;
                }
            }
            double[] stat = new double[reps];
            DMatrixRMaj cov = new DMatrixRMaj(q, q);
            for (int r = 0; r < reps; r++) {
                double[] z = zs.get(r);
                double s = 0;
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < q; j++) {
                        double v = (z[i] - mean[i]) * (z[j] - mean[j]);
                        s += v * fisher.get(i, j);
                        cov.data[i * q + j] += v / (reps - 1);
                    }
                }
                stat[r] = s * reps / (reps - 1.0);
            }
            MonteCarlo mc = MonteCarlo.of(stat);
            double se = Math.hypot(mc.standardError(), 0.0);
            res.add(Evidence.withinSE("E[z^T I z] vs Kd at m=" + mm, Role.CLAIM, mc.mean(), q, se, FalseAlarm.Z,
                    reps + " replicates, EM from the truth, labels aligned"));
            DMatrixRMaj ci = twostage.linalg.Mat.mult(cov, fisher);
            double rel = twostage.linalg.Mat.dist(ci, twostage.linalg.Mat.identity(q)) / Math.sqrt(q);
            res.add(Evidence.info("||Cov(z) I - I||_F / sqrt(Kd) at m=" + mm, rel, Math.sqrt(2.0 * q / reps),
                    "sampling scale of this error ~ sqrt(2 Kd / reps)"));
            if (mm == ms[ms.length - 1]) {
                res.add(Evidence.plantedErrorCaught("V = 2 I^-1",
                        Evidence.withinSE("E[z^T (2 I^-1)^-1 z] vs Kd", Role.CONTROL, mc.mean() / 2, q, se / 2, FalseAlarm.Z, "")));
            }
        }
        return res.build();
    }

    private static MonteCarlo diffs(MixtureModel m, double[] u, double[] star, DMatrixRMaj x) {
        double[] v = new double[x.numRows];
        double[] row = new double[m.dimension()];
        for (int j = 0; j < x.numRows; j++) {
            System.arraycopy(x.data, j * m.dimension(), row, 0, m.dimension());
            v[j] = m.loss(u, row) - m.loss(star, row);
        }
        return MonteCarlo.of(v);
    }

    static DMatrixRMaj fisher(MixtureModel m, int n, Rng rng) {
        int q = m.parameterDimension();
        DMatrixRMaj f = new DMatrixRMaj(q, q);
        double[] u = m.centres();
        for (int j = 0; j < n; j++) {
            double[] s = m.gradient(u, m.sample(rng));
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    f.data[a * q + b] += s[a] * s[b] / n;
                }
            }
        }
        return f;
    }
}
