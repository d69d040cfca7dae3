package twostage.residual;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.engine.LimitLawEngine;
import twostage.engine.TwoStageProblem;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.stats.KolmogorovSmirnov;
import twostage.stats.MonteCarlo;
import twostage.toy.GaussianMeanPretraining;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;

/**
 * Proposition G.6 (p. 55): m Rep(Omega_m) converges in law to ||L(Z)||^2, Z ~ N(0, V).
 *
 * <p>Instances: Toy-R and Toy-NR (package twostage.toy; s = 1), where ||L(Z)||^2 = s^2 chi^2_1 (CF15). The reference
 * weight is checked three ways (CONTROL): the toy's closed form, the residual map here (V ||L(1)||^2 with V = s^2),
 * and the general limit-law engine (tr(Gamma V)). Along m in {2, 8, 32, 128, 512, 2048} (CI: 1500 replications;
 * PAPER: 10000): KS distance of m Rep to s^2 chi^2_1 must be smaller at the largest m than at the smallest, the KS test at
 * the largest m must not reject at alpha = 5e-6, and the mean at the largest m must be within Z = 4.6 SE of s^2
 * (ASYMPTOTIC rule of claims.md section 0 with the suite's false-alarm budget).
 *
 * <p>Negative control: the law 2 s^2 chi^2_1 (a wrong constant) must be rejected by the KS test at the largest m.
 *
 * <p>False alarm: 5e-6 per KS test and about 4e-6 per SE comparison; the KS-ratio criterion has a wide margin
 * (expected ratio about 0.1).
 */
public final class PropositionG6Check extends TheoryCheck {

    public PropositionG6Check() {
        super("Proposition G.6", "m Rep(Omega_m) => ||L(Z)||^2 = s^2 chi2_1 on Toy-R and Toy-NR (KS along m)",
                "Under D.5 and G.2-G.4, m Rep(Omega_m) converges in law to ||L(Z)||^2_L2, Z ~ N(0, V), with "
                        + "L(v) = -(I - Pi* - Pi_B0) DT*[v] theta*.");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int reps = ctx.scale().pick(1500, 10000);
        int[] ms = {2, 8, 32, 128, 512, 2048};
        StringBuilder table = new StringBuilder("instance,m,ks,p,mean,se\n");
        List<TwoStageProblem<?>> toys = new ArrayList<>(List.of(ToyRegular.standard(), ToyNonRegular.standard()));
        for (TwoStageProblem<?> toy : toys) {
            ResidualMap r = ToyResiduals.of(toy);
            double s = ((GaussianMeanPretraining) toy.pretraining()).noiseScale();
            double weight = toy instanceof ToyRegular tr ? tr.closedForm().weight()
                    : ((ToyNonRegular) toy).closedForm().weight();
            double ours = s * s * Math.pow(r.space().norm(r.linear(new double[] {1})), 2);
            res.add(Evidence.close(toy.name() + ": E||L(Z)||^2 here (s^2 ||L(1)||^2) vs toy closed form", Role.CONTROL,
                    ours, weight, 1e-12 * weight, ""));
            double engine = LimitLawEngine.compute(toy, ctx.rng(claimId() + "/engine", 0)).interactionMean();
            res.add(Evidence.close(toy.name() + ": E||L(Z)||^2 general engine vs closed form", Role.CONTROL, engine,
                    weight, 1e-3 * weight, "limit-law engine from first principles (twostage.engine)"));
            ChiSquaredDistribution chi = ChiSquaredDistribution.of(1);
            double firstKs = 0;
            KolmogorovSmirnov lastKs = null;
            MonteCarlo lastMc = null;
            double[] lastSample = null;
            for (int i = 0; i < ms.length; i++) {
                RepresentationAlongM sim = RepresentationAlongM.simulate(toy, r, ms[i], reps, 1.0, ctx,
                        claimId() + "/" + toy.name());
                KolmogorovSmirnov ks = KolmogorovSmirnov.oneSample(sim.mRep(),
                        x -> x <= 0 ? 0 : chi.cumulativeProbability(x / weight));
                MonteCarlo mc = MonteCarlo.of(sim.mRep());
                table.append(toy.name()).append(',').append(ms[i]).append(',').append(ks.statistic()).append(',')
                        .append(ks.pValue()).append(',').append(mc.mean()).append(',').append(mc.standardError())
                        .append('\n');
                if (i == 0) {
                    firstKs = ks.statistic();
                }
                lastKs = ks;
                lastMc = mc;
                lastSample = sim.mRep();
            }
            int mMax = ms[ms.length - 1];
            res.add(Evidence.atMost(toy.name() + ": KS(m=" + mMax + ") / KS(m=" + ms[0] + ")", Role.CLAIM,
                    lastKs.statistic() / firstKs, 1.0, "KS distance to s^2 chi2_1 must shrink; table attached"));
            res.add(Evidence.notRejected(toy.name() + ": KS test of m Rep vs s^2 chi2_1 at m=" + mMax, Role.CLAIM,
                    lastKs.statistic(), lastKs.pValue(), FalseAlarm.ALPHA, reps + " replications"));
            res.add(Evidence.withinSE(toy.name() + ": mean of m Rep at m=" + mMax + " vs s^2", Role.CLAIM,
                    lastMc.mean(), weight, lastMc.standardError(), FalseAlarm.Z, ""));
            KolmogorovSmirnov wrong = KolmogorovSmirnov.oneSample(lastSample,
                    x -> x <= 0 ? 0 : chi.cumulativeProbability(x / (2 * weight)));
            res.add(Evidence.plantedErrorCaught("limit law 2 s^2 chi2_1 on " + toy.name(),
                    Evidence.notRejected("KS test vs 2 s^2 chi2_1 at m=" + mMax, Role.CONTROL, wrong.statistic(),
                            wrong.pValue(), FalseAlarm.ALPHA, "")));
        }
        res.attach(Attachment.csv("g6-ks-along-m.csv", table.toString()));
        return res.build();
    }
}
