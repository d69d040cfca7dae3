package twostage.residual;

import java.util.List;
import twostage.check.CheckContext;
import twostage.engine.TwoStageProblem;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;

/**
 * Lemma G.10 (p. 58): ||sqrt(m) r(v_m)|| -> 0 in probability, r = e - L, v_m = log Omega_m.
 *
 * <p>Toy-R, Toy-NR and correlated Toy-NR (package twostage.toy), m in {100, 400, 1600, 6400}, 1000 (CI) / 5000 (PAPER)
 * replications: the 90% quantile of sqrt(m) ||e_{Omega_m} - L(v_m)|| must decrease at every step of the grid and its
 * ratio between the largest and smallest m must be at most 0.5 (for C^2 features the remainder is O(m^-1/2): ratio
 * about 1/8), and over the last step (1600 -> 6400) at most 0.75 (0.5 expected). Negative control: with L scaled by
 * 1.1 the quantity tends to 0.1 ||L(Z)|| in law, so the last-step ratio approaches 1.
 *
 * <p>False alarm: negligible; the expected ratios (1/8 and 1/2) sit more than 10 Monte Carlo SE (quantile SE of a
 * few percent at 1000 replications) inside the bounds.
 */
public final class LemmaG10Check extends TheoryCheck {

    static final int[] MS = {100, 400, 1600, 6400};

    public LemmaG10Check() {
        super("Lemma G.10", "sqrt(m) ||e(Omega_m) - L(log Omega_m)|| -> 0 in probability (90% quantile along m)",
                "Under D.5, G.3 and G.4, ||sqrt(m) r(v_m)||_L2 -> 0 in probability, with r(v) = e_exp(v) - L(v) and "
                        + "v_m = log_{Omega*}(Omega_m).");
    }

    static List<TwoStageProblem<?>> toys() {
        return List.of(ToyRegular.standard(), ToyNonRegular.standard(), ToyNonRegular.correlated());
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int reps = ctx.scale().pick(1000, 5000);
        StringBuilder table = new StringBuilder("instance,m,q90,q90_planted\n");
        double plantedBest = Double.NEGATIVE_INFINITY;
        for (TwoStageProblem<?> toy : toys()) {
            ResidualMap r = ToyResiduals.of(toy);
            double[] q = new double[MS.length];
            double[] qp = new double[MS.length];
            for (int i = 0; i < MS.length; i++) {
                q[i] = RepresentationAlongM.quantile(RepresentationAlongM.simulate(toy, r, MS[i], reps, 1.0, ctx,
                        claimId() + "/" + toy.name()).remainder(), 0.9);
                qp[i] = RepresentationAlongM.quantile(RepresentationAlongM.simulate(toy, r, MS[i], reps, 1.1, ctx,
                        claimId() + "/" + toy.name()).remainder(), 0.9);
                table.append(toy.name()).append(',').append(MS[i]).append(',').append(q[i]).append(',').append(qp[i])
                        .append('\n');
            }
            int increases = 0;
            for (int i = 1; i < MS.length; i++) {
                increases += q[i] > q[i - 1] ? 1 : 0;
            }
            res.add(Evidence.zero(toy.name() + ": increases of the 90% quantile along m", Role.CLAIM, increases, 0,
                    reps + " replications per m"));
            res.add(Evidence.atMost(toy.name() + ": q90(m=6400) / q90(m=100)", Role.CLAIM, q[MS.length - 1] / q[0], 0.5,
                    "q90(100) = " + q[0]));
            int last = MS.length - 1;
            res.add(Evidence.atMost(toy.name() + ": q90(m=6400) / q90(m=1600)", Role.CLAIM, q[last] / q[last - 1],
                    0.75, "still shrinking at the end of the grid (O(m^-1/2) gives 0.5)"));
            plantedBest = Math.max(plantedBest, qp[last] / qp[last - 1]);
        }
        res.add(Evidence.plantedErrorCaught("L scaled by 1.1",
                Evidence.atMost("largest q90(6400)/q90(1600) with 1.1 L", Role.CONTROL, plantedBest, 0.75, "")));
        res.attach(Attachment.csv("g10-quantiles.csv", table.toString()));
        return res.build();
    }
}
