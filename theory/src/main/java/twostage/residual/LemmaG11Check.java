package twostage.residual;

import twostage.check.CheckContext;
import twostage.engine.TwoStageProblem;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Lemma G.11 (p. 59): m Rep(Omega_m) - ||L(Z_m)||^2 -> 0 in probability, Z_m = sqrt(m) log Omega_m.
 *
 * <p>Same simulations as {@link LemmaG10Check} (Toy-R, Toy-NR, correlated Toy-NR; m in {100, 400, 1600, 6400}): the
 * median of |m Rep - ||L(Z_m)||^2| must decrease at every step and shrink by at least half over the grid (for these
 * instances it is O(m^-1/2)). Negative control: ||(1.05 L)(Z_m)||^2 in place of ||L(Z_m)||^2 leaves a gap of about
 * 0.1 ||L(Z)||^2 that does not shrink.
 *
 * <p>False alarm: negligible; the expected ratio (about 1/8 or less) is far inside 0.5 and consecutive medians differ by
 * a factor about 2, many Monte Carlo SE.
 */
public final class LemmaG11Check extends TheoryCheck {

    public LemmaG11Check() {
        super("Lemma G.11", "m Rep(Omega_m) - ||L(Z_m)||^2 -> 0 in probability (median along m)",
                "Under D.5, G.3 and G.4, m Rep(Omega_m) - ||L(Z_m)||^2_L2 -> 0 in probability, Z_m = sqrt(m) log Omega_m.");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int reps = ctx.scale().pick(1000, 5000);
        int[] ms = LemmaG10Check.MS;
        StringBuilder table = new StringBuilder("instance,m,median_gap,median_gap_planted\n");
        double plantedBest = Double.NEGATIVE_INFINITY;
        for (TwoStageProblem<?> toy : LemmaG10Check.toys()) {
            ResidualMap r = ToyResiduals.of(toy);
            double[] med = new double[ms.length];
            double[] medP = new double[ms.length];
            for (int i = 0; i < ms.length; i++) {
                RepresentationAlongM sim = RepresentationAlongM.simulate(toy, r, ms[i], reps, 1.0, ctx,
                        claimId() + "/" + toy.name());
                med[i] = RepresentationAlongM.quantile(sim.quadraticGap(), 0.5);
                double[] planted = new double[reps];
                for (int j = 0; j < reps; j++) {
                    planted[j] = Math.abs(sim.mRep()[j] - 1.05 * 1.05 * sim.lz2()[j]);
                }
                medP[i] = RepresentationAlongM.quantile(planted, 0.5);
                table.append(toy.name()).append(',').append(ms[i]).append(',').append(med[i]).append(',')
                        .append(medP[i]).append('\n');
            }
            int increases = 0;
            for (int i = 1; i < ms.length; i++) {
                increases += med[i] > med[i - 1] ? 1 : 0;
            }
            res.add(Evidence.zero(toy.name() + ": increases of the median gap along m", Role.CLAIM, increases, 0,
                    reps + " replications per m"));
            res.add(Evidence.atMost(toy.name() + ": median gap ratio m=6400 over m=100", Role.CLAIM,
                    med[ms.length - 1] / med[0], 0.5, "median(100) = " + med[0]));
            plantedBest = Math.max(plantedBest, medP[ms.length - 1] / medP[0]);
        }
        res.add(Evidence.plantedErrorCaught("||(1.05 L)(Z_m)||^2 in place of ||L(Z_m)||^2",
                Evidence.atMost("largest median-gap ratio with 1.05 L", Role.CONTROL, plantedBest, 0.5, "")));
        res.attach(Attachment.csv("g11-median-gap.csv", table.toString()));
        return res.build();
    }
}
