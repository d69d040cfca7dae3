package twostage.residual;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.engine.TwoStageProblem;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;

/**
 * Lemma G.18 (p. 64): rank Sigma(Omega(v)) = d_eff + dim B0 = d_act for all small v != 0, hence rank Sigma_m -> d_act
 * in probability.
 *
 * <p>Checks: rank Sigma(omega) (relative cut 1e-10) for omega in {+-1e-1, ..., +-1e-4} on Toy-R (d_act = 1), Toy-NR and
 * correlated Toy-NR (d_act = 2 while d_eff = 1), with d_eff + dim B0 computed from the residual map and compared with the
 * toys' own d_act (CONTROL); along m in {10, 100, 1000, 10000}, the frequency of rank Sigma(w_m) = d_act over 200
 * replications must be 1 (rank of the unit-variance-scaled covariance, see {@link #scaledRank}). EXACT sub-check of the step "orthogonal projectors with ||P - Q|| < 1 have equal rank" on 400
 * random pairs in R^6 (perturbed subspaces, sometimes with a column added or dropped). Deterministic apart from the
 * pre-training draws (a.s. statements).
 *
 * <p>Negative control: the regular-case value rank = d_eff on Toy-NR must be contradicted.
 *
 * <p>False alarm: none beyond events of probability zero (omega_m = 0 exactly).
 */
public final class LemmaG18Check extends TheoryCheck {

    public LemmaG18Check() {
        super("Lemma G.18", "active effective dimension: rank Sigma(Omega) = d_eff + dim B0 near Omega* (Toy-NR: 2)",
                "Under G.2-G.4, rank Sigma(Omega(v)) = d_act = dim(H* + B0) = d_eff + dim B0 for small v != 0, so "
                        + "rank(Sigma_m) -> d_act in probability.");
    }

    static int rank(DMatrixRMaj s) {
        return SymmetricEigen.of(s).rank(1e-10);
    }

    /**
     * The rank of a covariance after scaling each feature to unit variance (features of variance exactly 0 dropped):
     * rank is invariant under the diagonal scaling, and the scaled matrix is well conditioned even when a feature's
     * scale is tiny (omega_m of order 1e-5 at large m), where the unscaled relative cut would misjudge it.
     */
    static int scaledRank(DMatrixRMaj s) {
        int p = s.numRows;
        DMatrixRMaj d = new DMatrixRMaj(p, p);
        for (int j = 0; j < p; j++) {
            d.set(j, j, s.get(j, j) > 0 ? 1 / Math.sqrt(s.get(j, j)) : 0);
        }
        DMatrixRMaj c = Mat.mult(d, s, d);
        FunctionSpace.symmetrize(c);
        return rank(c);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        double[] ws = {1e-1, -1e-1, 1e-2, -1e-2, 1e-3, -1e-3, 1e-4, -1e-4};
        int dEffMismatchNr = 0;
        for (TwoStageProblem<?> toy : List.of(ToyRegular.standard(), ToyNonRegular.standard(),
                ToyNonRegular.correlated())) {
            ResidualMap r = ToyResiduals.of(toy);
            int dEff = rank(r.curve().covariance(new double[] {0}));
            int dAct = dEff + r.space().rank(r.b0Span());
            int toyAct = toy instanceof ToyRegular tr ? tr.closedForm().dAct() : ((ToyNonRegular) toy).closedForm().dAct();
            res.add(Evidence.close(toy.name() + ": d_eff + dim B0 here vs the toy's d_act", Role.CONTROL, dAct, toyAct, 0,
                    "d_eff = " + dEff));
            int mismatches = 0;
            for (double w : ws) {
                int rk = rank(r.curve().covariance(new double[] {w}));
                mismatches += rk != dAct ? 1 : 0;
                if (toy instanceof ToyNonRegular) {
                    dEffMismatchNr += rk != dEff ? 1 : 0;
                }
            }
            res.add(Evidence.zero(toy.name() + ": omegas in {+-1e-1..+-1e-4} with rank Sigma(omega) != d_act = " + dAct,
                    Role.CLAIM, mismatches, 0, ""));
            int reps = ctx.scale().pick(200, 1000);
            int off = 0;
            for (int m : new int[] {10, 100, 1000, 10000}) {
                List<Integer> ranks = ctx.replicate(claimId() + "/" + toy.name() + "/m" + m, reps,
                        (rep, g) -> scaledRank(r.curve().covariance(toy.pretraining().estimate(m, g))));
                off += (int) ranks.stream().filter(k -> k != dAct).count();
            }
            res.add(Evidence.zero(toy.name() + ": replications with rank Sigma(w_m) != d_act, m in {10..10000}",
                    Role.CLAIM, off, 0, reps + " per m"));
        }
        res.add(Evidence.plantedErrorCaught("rank = d_eff (regular-case value) on Toy-NR",
                Evidence.zero("Toy-NR omegas with rank Sigma(omega) != d_eff", Role.CONTROL, dEffMismatchNr, 0, "")));
        int pairs = 0;
        int violations = 0;
        int near = 0;
        for (int k = 0; k < 400; k++) {
            Rng rng = ctx.rng(claimId() + "/projectors", k);
            int r = rng.nextInt(1, 4);
            DMatrixRMaj u = RandomMatrices.orthonormalColumns(6, r, rng);
            double eps = 1.5 * rng.nextDouble();
            DMatrixRMaj v = Mat.add(u, Mat.scale(eps, RandomMatrices.gaussian(6, r, rng)));
            int change = rng.nextInt(-1, 1);
            if (change == 1) {
                v = concat(v, RandomMatrices.gaussian(6, 1, rng));
            } else if (change == -1 && r > 1) {
                v = org.ejml.dense.row.CommonOps_DDRM.extract(v, 0, 6, 0, r - 1);
            }
            DMatrixRMaj p = Mat.mult(u, Mat.transpose(u));
            DMatrixRMaj q = projector(v);
            double dist = Mat.opNorm(Mat.sub(p, q));
            if (dist < 1 - 1e-9) {
                near++;
                int rp = (int) Math.round(Mat.trace(p));
                int rq = (int) Math.round(Mat.trace(q));
                violations += rp != rq ? 1 : 0;
            }
            pairs++;
        }
        res.add(Evidence.zero("projector pairs with ||P - Q|| < 1 but different rank", Role.CLAIM, violations, 0,
                pairs + " random pairs in R^6, " + near + " with ||P - Q|| < 1"));
        return res.build();
    }

    private static DMatrixRMaj concat(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols + b.numCols);
        org.ejml.dense.row.CommonOps_DDRM.insert(a, out, 0, 0);
        org.ejml.dense.row.CommonOps_DDRM.insert(b, out, 0, a.numCols);
        return out;
    }

    private static DMatrixRMaj projector(DMatrixRMaj span) {
        return FunctionSpace.gaussianLinear(Mat.identity(span.numRows)).projector(span);
    }
}
