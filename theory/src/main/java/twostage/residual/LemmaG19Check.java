package twostage.residual;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma G.19 (p. 65): Var_{n,m} = E[(Pi_{Omega,n} eps)(X_new)^2 | D_pre, X_{1:n}] = (sigma^2 / n) tr(Sigma Sigma_n^+).
 *
 * <p>EXACT: on G-LIN (tanh + dependent feature, N = 40) the expectation over eps is done analytically,
 * (sigma^2/n) sum_s w_s phi_s^T Sigma_n^+ Sigma_n Sigma_n^+ phi_s, and compared with the formula to 1e-10 relative, on
 * designs with n in {3, 8, 30, 120}; the relative tolerance is 1e-12 (1 + cond(Sigma_n)) with the condition number on
 * the range. MONTE-CARLO: for a fixed G-LIN design, eps ~ N(0, sigma^2 I_n), theta_eps = Sigma_n^+ Phi_n^T eps / n and
 * ||T theta_eps||^2 = theta^T Sigma theta averaged over draws must be within Z = 4.6 SE of the formula; on G-GAUSS
 * (rank 3 of 4, n = 8) the paired difference ||Pi_n eps||^2 - formula over fresh (design, eps) pairs must have mean
 * within Z SE of 0 (false alarm about 4e-6 each).
 *
 * <p>Negative control: the naive value (sigma^2/n) rank(Sigma_n), in the same paired comparison over designs, must be
 * rejected (its design average is off by the factor n/(n-r-1) = 2).
 */
public final class LemmaG19Check extends TheoryCheck {

    public LemmaG19Check() {
        super("Lemma G.19", "noise term closed form (sigma^2/n) tr(Sigma Sigma_n+): exact on G-LIN, Monte Carlo over eps",
                "For each (n, m), Var_{n,m} = E[(Pi_{Omega_m,n} eps)(X_new)^2 | D_pre, X_1:n] = (sigma^2/n) "
                        + "tr(Sigma_m Sigma_{m,n}^+).");
    }

    static MonteCarlo noiseMc(CheckContext ctx, String stream, EmpiricalDesign e, double sigma2, int draws) {
        DMatrixRMaj sp = e.sigmaNPinv();
        DMatrixRMaj phi = e.phiN();
        DMatrixRMaj sigma = e.sigma();
        int n = e.n();
        List<Double> vals = ctx.replicate(stream, draws, (rep, g) -> {
            DMatrixRMaj eps = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                eps.set(i, Math.sqrt(sigma2) * g.gaussian());
            }
            DMatrixRMaj th = Mat.scale(1.0 / n, Mat.mult(sp, Mat.multTransA(phi, eps)));
            return Mat.multTransA(th, Mat.mult(sigma, th)).get(0, 0);
        });
        return MonteCarlo.of(vals.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        double sigma2 = 0.7;
        TanhCurve lin = Instances.tanhOnSupport(rng, 40, 3, 3, true, 1);
        DMatrixRMaj t = lin.featuresAtTruth();
        DMatrixRMaj zero = new DMatrixRMaj(40, 1);
        double worst = 0;
        int designs = 0;
        for (int n : new int[] {3, 8, 30, 120}) {
            for (int j = 0; j < 10; j++) {
                EmpiricalDesign e = EmpiricalDesign.draw(lin.space(), t, zero, n, ctx.rng(claimId() + "/d", designs++));
                DMatrixRMaj sp = e.sigmaNPinv();
                DMatrixRMaj m = Mat.mult(sp, e.sigmaN(), sp);
                double analytic = 0;
                for (int s = 0; s < 40; s++) {
                    DMatrixRMaj phi = Mat.transpose(org.ejml.dense.row.CommonOps_DDRM.extractRow(t, s, null));
                    analytic += Mat.multTransA(phi, Mat.mult(m, phi)).get(0, 0) / 40.0;
                }
                analytic *= sigma2 / n;
                double formula = e.variance(sigma2);
                double cond = Mat.opNorm(e.sigmaN()) * Mat.opNorm(sp);
                worst = Math.max(worst, Math.abs(analytic - formula) / Math.max(1e-300, Math.abs(formula))
                        / (1 + cond));
            }
        }
        res.add(Evidence.zero("max relative gap analytic E_eps vs (sigma^2/n) tr(Sigma Sigma_n+), per (1 + cond Sigma_n)",
                Role.CLAIM, worst, 1e-12, designs + " G-LIN designs (tanh + dependent, rank 3 of 4), n in {3,8,30,120}, sigma^2 = 0.7"));
        int draws = ctx.scale().pick(4000, 40000);
        EmpiricalDesign linDesign = EmpiricalDesign.draw(lin.space(), t, zero, 12, ctx.rng(claimId() + "/lin", 0));
        MonteCarlo mcLin = noiseMc(ctx, claimId() + "/eps-lin", linDesign, sigma2, draws);
        res.add(Evidence.withinSE("MC over eps of ||Pi_n eps||^2 vs formula, G-LIN n=12", Role.CLAIM, mcLin.mean(),
                linDesign.variance(sigma2), mcLin.standardError(), FalseAlarm.Z, draws + " noise draws"));
        GaussianLinearCurve gauss = Instances.rankDeficientGaussian(rng, 5, 4, 3);
        DMatrixRMaj tg = gauss.featuresAtTruth();
        int n = 8;
        List<double[]> pairs = ctx.replicate(claimId() + "/design-and-eps", draws, (rep, g) -> {
            EmpiricalDesign e = EmpiricalDesign.draw(gauss.space(), tg, new DMatrixRMaj(5, 1), n, g);
            DMatrixRMaj eps = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                eps.set(i, Math.sqrt(sigma2) * g.gaussian());
            }
            DMatrixRMaj th = Mat.scale(1.0 / n, Mat.mult(e.sigmaNPinv(), Mat.multTransA(e.phiN(), eps)));
            double value = Mat.multTransA(th, Mat.mult(e.sigma(), th)).get(0, 0);
            return new double[] {value - e.variance(sigma2), value - sigma2 / n * e.rankN()};
        });
        MonteCarlo paired = MonteCarlo.of(pairs.stream().mapToDouble(x -> x[0]).toArray());
        res.add(Evidence.withinSE("G-GAUSS n=8: mean over (design, eps) of ||Pi_n eps||^2 - (sigma^2/n) tr(Sigma Sigma_n+)",
                Role.CLAIM, paired.mean(), 0, paired.standardError(), FalseAlarm.Z,
                draws + " (design, eps) pairs; rank 3 of 4"));
        MonteCarlo naive = MonteCarlo.of(pairs.stream().mapToDouble(x -> x[1]).toArray());
        res.add(Evidence.plantedErrorCaught("naive (sigma^2/n) rank(Sigma_n)",
                Evidence.withinSE("G-GAUSS n=8: mean of ||Pi_n eps||^2 - (sigma^2/n) rank(Sigma_n)", Role.CONTROL,
                        naive.mean(), 0, naive.standardError(), FalseAlarm.Z,
                        "E tr(Sigma Sigma_n+) = n r/(n-r-1) = 6, not r = 3")));
        return res.build();
    }
}
