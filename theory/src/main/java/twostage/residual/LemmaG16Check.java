package twostage.residual;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma G.16 (p. 62): C_n = Sigma^{+/2} Sigma_n Sigma^{+/2} satisfies ||C_n - P||_op -> 0 in probability (P the
 * projector onto Im Sigma), by Chebyshev from leverage moments.
 *
 * <p>Checks (fixed Omega):
 * <ul>
 *   <li>the exact second moment behind the Chebyshev step, E ||C_n - P||_F^2 = (E q^2 - r)/n with q the leverage
 *   (derived: phi~ = Sigma^{+/2} phi lies in Im P and E q = r). On G-GAUSS (rank 3 of 4) q ~ chi^2_r, so
 *   E q^2 - r = r(r+1); on G-LIN (N = 40, tanh + dependent) E q^2 is a finite sum. Monte Carlo over designs, Z = 4.6
 *   SE;</li>
 *   <li>rate: the median of ||C_n - P||_op at 4n over that at n must lie in [0.35, 0.65] (n^{-1/2} gives 0.5), for
 *   n in {100, 400, 1600};</li>
 *   <li>Chebyshev: P(||C_n - P||_F > eps) <= E||C_n - P||_F^2 / eps^2 (reported with its empirical frequency).</li>
 * </ul>
 * Negative control: the second moment without the "- r" (E q^2 / n) must be rejected by the same comparison.
 *
 * <p>False alarm: about 4e-6 per SE comparison (Z = 4.6); the median-ratio band has a margin of about 10 Monte Carlo SE
 * at 300 replications; the Chebyshev comparisons subtract Z SE from the frequency.
 */
public final class LemmaG16Check extends TheoryCheck {

    public LemmaG16Check() {
        super("Lemma G.16", "relative empirical covariance C_n -> P: exact second moment, n^-1/2 rate, Chebyshev",
                "Under G.2 and Omega_m -> Omega*, C_{m,n} = Sigma_m^{+/2} Sigma_{m,n} Sigma_m^{+/2} satisfies "
                        + "||C_{m,n} - P_m||op -> 0 in probability, P_m the projector onto Im Sigma_m.");
    }

    static double leverageSecondMoment(FeatureCurve c) {
        DMatrixRMaj t = c.featuresAtTruth();
        DMatrixRMaj sp = PseudoInverse.pinv(c.space().gram(t, t));
        DMatrixRMaj g = c.space().gram();
        double s = 0;
        for (int i = 0; i < t.numRows; i++) {
            DMatrixRMaj phi = Mat.transpose(org.ejml.dense.row.CommonOps_DDRM.extractRow(t, i, null));
            double q = Mat.multTransA(phi, Mat.mult(sp, phi)).get(0, 0);
            s += g.get(i, i) * q * q;
        }
        return s;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        int reps = ctx.scale().pick(300, 2000);
        GaussianLinearCurve gauss = Instances.rankDeficientGaussian(rng, 5, 4, 3);
        TanhCurve lin = Instances.tanhOnSupport(rng, 40, 3, 3, true, 1);
        int r = 3;
        double eq2Gauss = r * (r + 2.0);
        double eq2Lin = leverageSecondMoment(lin);
        int n0 = 50;
        MonteCarlo planted = null;
        double plantedRef = 0;
        for (FeatureCurve c : List.<FeatureCurve>of(gauss, lin)) {
            double eq2 = c == gauss ? eq2Gauss : eq2Lin;
            DMatrixRMaj t = c.featuresAtTruth();
            DMatrixRMaj zero = new DMatrixRMaj(c.space().dim(), 1);
            List<Double> f2 = ctx.replicate(claimId() + "/" + c.name(), reps, (rep, g) -> {
                EmpiricalDesign e = EmpiricalDesign.draw(c.space(), t, zero, n0, g);
                DMatrixRMaj dev = Mat.sub(e.relativeCovariance(), PsdRoots.rangeProjector(e.sigma()));
                double f = Mat.frob(dev);
                return n0 * f * f;
            });
            MonteCarlo mc = MonteCarlo.of(f2.stream().mapToDouble(Double::doubleValue).toArray());
            res.add(Evidence.withinSE("n E||C_n - P||_F^2 vs E q^2 - r on " + c.name(), Role.CLAIM, mc.mean(),
                    eq2 - r, mc.standardError(), FalseAlarm.Z, reps + " designs of size " + n0 + "; E q^2 = " + eq2));
            if (c == gauss) {
                planted = mc;
                plantedRef = eq2;
            }
        }
        res.add(Evidence.plantedErrorCaught("second moment without the '- r'",
                Evidence.withinSE("n E||C_n - P||_F^2 vs E q^2", Role.CONTROL, planted.mean(), plantedRef,
                        planted.standardError(), FalseAlarm.Z, "G-GAUSS")));
        int[] ns = {100, 400, 1600};
        double[] med = new double[ns.length];
        double eps = 0.5;
        StringBuilder table = new StringBuilder("n,median_op,freq_F>0.5,chebyshev_bound\n");
        DMatrixRMaj t = gauss.featuresAtTruth();
        DMatrixRMaj zero = new DMatrixRMaj(5, 1);
        for (int i = 0; i < ns.length; i++) {
            int n = ns[i];
            List<double[]> out = ctx.replicate(claimId() + "/rate" + n, reps, (rep, g) -> {
                EmpiricalDesign e = EmpiricalDesign.draw(gauss.space(), t, zero, n, g);
                DMatrixRMaj dev = Mat.sub(e.relativeCovariance(), PsdRoots.rangeProjector(e.sigma()));
                return new double[] {Mat.opNorm(dev), Mat.frob(dev)};
            });
            double[] op = out.stream().mapToDouble(a -> a[0]).sorted().toArray();
            med[i] = op[op.length / 2];
            double[] exceed = out.stream().mapToDouble(a -> a[1] > eps ? 1 : 0).toArray();
            MonteCarlo fr = MonteCarlo.of(exceed);
            double bound = (eq2Gauss - r) / n / (eps * eps);
            res.add(Evidence.atMost("P(||C_n - P||_F > 0.5) minus Z SE at n=" + n + " vs Chebyshev bound", Role.CLAIM,
                    fr.mean() - FalseAlarm.Z * fr.standardError(), bound, "frequency " + fr.mean()));
            table.append(n).append(',').append(med[i]).append(',').append(fr.mean()).append(',').append(bound)
                    .append('\n');
        }
        for (int i = 1; i < ns.length; i++) {
            double ratio = med[i] / med[i - 1];
            res.add(Evidence.close("median ||C_n - P||op ratio n=" + ns[i] + " over n=" + ns[i - 1], Role.CLAIM, ratio,
                    0.5, 0.15, "n^-1/2 rate gives 0.5; catalogue band [0.35, 0.65]"));
        }
        res.attach(Attachment.csv("g16-along-n.csv", table.toString()));
        return res.build();
    }
}
