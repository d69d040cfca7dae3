package twostage.spectral;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Proposition H.10 (p. 80): sqrt(m) log_{M*}(M-hat_m) =&gt; N(0, V) on T_{M*} M_{d,k}, V = H*^-1 Sigma* H*^-1 with Sigma*
 * the covariance of the projected score and H* the Riemannian Hessian. Simulation of the certified empirical minimiser
 * on instances with C of rank k, of full rank (random Sigma) and indefinite; V from the general engine. Entrywise
 * second moments of sqrt(m) P_T(M-hat - M*) vs V: max |z| &lt;= 4.6 over the entries at the largest m (false-alarm
 * about 4e-6 per entry); the relative Frobenius distance at two sample sizes is reported. The value of the printed
 * (H.27) on the same draws is reported for reference (its check is Corollary H.14). Negative control: V with the
 * Euclidean Hessian in place of the Riemannian one is rejected on the full-rank instance.
 */
public final class PropositionH10Check extends SpectralCheck {

    @Override public String claimId() { return "Proposition H.10"; }
    @Override public String name() { return "descriptor CLT: simulated covariance of sqrt(m)(M-hat - M*) vs engine V"; }
    @Override public String statement() {
        return "Under Sigma_pre > 0, Assumption 6.1 and (H.6), sqrt(m) log_{M*}(M-hat_m) => N(0, H*^-1 Sigma* H*^-1) on the "
                + "tangent space of M_{d,k} at M*.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        Map<String, SpectralModel> inst = new LinkedHashMap<>();
        inst.put("random Sigma, C of full rank, d=3, k=1", SpectralInstances.random(3, 1, false, rng));
        inst.put("random Sigma, C of rank k, d=4, k=2", SpectralInstances.random(4, 2, true, rng));
        inst.put("indefinite C (Remark H.2), d=3, k=2", SpectralModel.of(Mat.identity(3),
                org.ejml.dense.row.CommonOps_DDRM.diag(0.9, 0.6, -0.5), 2, Mat.identity(3), new double[] {1, 1}, 1));
        int[] ms = ctx.scale().pick(new int[] {1000, 4000}, new int[] {2000, 8000, 32000});
        int reps = ctx.scale().pick(300, 2000);
        boolean first = true;
        for (Map.Entry<String, SpectralModel> e : inst.entrySet()) {
            SpectralModel model = e.getValue();
            SpectralLimit lim = SpectralLimit.of(model);
            DMatrixRMaj v = DescriptorClt.engineInBasis(model, lim, ctx, claimId() + "/" + e.getKey())[0];
            int[] sizes = first ? ms : new int[] {ms[ms.length - 1]};
            for (int i = 0; i < sizes.length; i++) {
                int m = sizes[i];
                double[][] u = DescriptorClt.simulate(model, lim, m, reps, ctx, claimId() + "/" + e.getKey());
                double[] cmp = DescriptorClt.compare(u, v);
                String note = e.getKey() + ", m=" + m + ", " + reps + " replicates, " + lim.dimension() * (lim.dimension() + 1) / 2
                        + " entries";
                res.add(Evidence.info(e.getKey() + ", m=" + m + ": relative Frobenius distance of the simulated covariance to V",
                        cmp[1], "(H.27) on the same draws: max |z| " + fmt(DescriptorClt.compare(u, lim.paperV())[0])));
                if (i == sizes.length - 1) {
                    res.add(Evidence.atMost(e.getKey() + ": max |z| of simulated second moments vs engine V", Role.CLAIM,
                            cmp[0], FalseAlarm.Z, note));
                    if (first) {
                        res.add(Evidence.plantedErrorCaught("Euclidean Hessian 2 Sigma v Sigma in V",
                                Evidence.atMost("max |z| vs H_E^-1 Sigma* H_E^-1", Role.CONTROL,
                                        DescriptorClt.compare(u, lim.v(lim.paperHessian()))[0], FalseAlarm.Z, note)));
                    }
                }
            }
            first = false;
        }
        return res.build();
    }
}
