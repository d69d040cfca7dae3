package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.random.Rng;

/**
 * Lemma C.12 (p. 32): d_eff,n = tr(Sigma_n^+ Sigma_n) = rank Sigma_n = rank Phi = tr H. Random designs of four kinds
 * whose rank r is known by construction (tall full rank, wide n < p, collinear columns, products of rank-r factors);
 * all four characterisations ({@link EffectiveDimension}) must equal r. Tolerance {@link Tolerance#forDesign} for the
 * traces; ranks are compared exactly.
 *
 * <p>Negative control: the naive count d_eff,n = min(n, p) must disagree with tr H on every design with
 * r < min(n, p). Deterministic (no false alarm).
 */
public final class LemmaC12Check implements Check {

    @Override public String claimId() { return "Lemma C.12"; }
    @Override public String name() { return "four characterisations of d_eff,n agree on rank-deficient designs"; }
    @Override public String module() { return "theory"; }
    @Override public String statement() {
        return "For any design, d_eff,n = tr(Sigma_n+ Sigma_n) = rank Sigma_n = rank Phi = tr H_{Omega,n}.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(80, 800);
        Worst traces = Worst.max();
        Worst planted = Worst.min();
        int rankMismatch = 0;
        int deficient = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            RandomInstances.Design d = RandomInstances.design(t, rng);
            DMatrixRMaj phi = d.phi();
            EffectiveDimension e = EffectiveDimension.of(phi);
            double tol = Tolerance.forDesign(phi);
            int r = d.rank();
            traces.record(Math.max(Math.abs(e.traceSigmaNPinvSigmaN() - r), Math.abs(e.traceHat() - r)), tol,
                    d.describe());
            if (e.rankSigmaN() != r || e.rankPhi() != r) {
                rankMismatch++;
            }
            int naive = Math.min(phi.numRows, phi.numCols);
            if (r < naive) {
                deficient++;
                planted.record(Math.abs(naive - e.traceHat()), tol, d.describe());
            }
        }
        res.add(Evidence.atMost("max |tr(Sigma_n+ Sigma_n) - r|, |tr H - r| in units of tol", Role.CLAIM,
                traces.ratio(), 1.0, traces.note()));
        res.add(Evidence.zero("designs where rank Sigma_n or rank Phi differs from the constructed rank r",
                Role.CLAIM, rankMismatch, 0, tries + " designs, " + deficient + " with r < min(n, p)"));
        res.add(Evidence.plantedErrorCaught("d_eff,n counted as min(n, p)",
                Evidence.atMost("min |min(n, p) - tr H| in units of tol", Role.CONTROL, planted.ratio(), 1.0,
                        planted.note())));
        return res.build();
    }
}
