package twostage.properties;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Lemma 4.1 and its hypotheses as randomized properties over every instance: the loss is invariant (4.1) on single
 * samples and on empirical averages; psi(x, g.w) = rho(g) psi(x, w) with rho(g) orthogonal and a homomorphism (4.3);
 * the min-norm OLS predictor does not change along the orbit on random designs, rank-deficient ones included
 * (n below p, duplicated rows); and the whole pipeline (E_{m,n} and its three parts) is unchanged when the
 * pre-trained representative w_hat is replaced by g.w_hat. Exact properties: no false alarms by design.
 * Negative controls (symmetric instances): features composed with a fixed non-orthogonal matrix, and features with a
 * fixed offset, must break the min-norm predictor's orbit invariance.
 */
public final class EquivariancePropertiesCheck implements Check {

    @Override public String claimId() { return "Lemma 4.1"; }
    @Override public String name() { return "property: invariance (4.1), equivariance (4.3), min-norm and pipeline invariance (all instances)"; }
    @Override public String module() { return "properties"; }
    @Override public String statement() {
        return "Under l(g.w; z) = l(w; z) and psi(x, g.w) = rho(g) psi(x, w) with rho(g) orthogonal, the min-norm OLS "
                + "predictor is the same at w and g.w for any design; hence so is the whole two-stage risk.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        for (Subject<?> s : Subjects.all()) {
            String tag = " [" + s.name() + "]";
            Tries.Worst loss = Tries.run(ctx, claimId() + "/loss/" + s.name(), rng -> OrbitProperties.lossInvariance(s, rng));
            res.add(Evidence.atMost("max |l(g.w; z) - l(w; z)| in units of tol" + tag, Role.CLAIM, loss.violation(), 1.0,
                    loss.where()));
            Tries.Worst eq = Tries.run(ctx, claimId() + "/eq/" + s.name(), rng -> OrbitProperties.equivariance(s, rng));
            res.add(Evidence.atMost("max violation of (4.3), orthogonality and homomorphism of rho, in units of tol" + tag,
                    Role.CLAIM, eq.violation(), 1.0, eq.where()));
            Tries.Worst mn = Tries.run(ctx, claimId() + "/minnorm/" + s.name(),
                    rng -> OrbitProperties.minNormInvariance(s, s.problem().representation(), rng));
            res.add(Evidence.atMost("max |f_hat(g.w) - f_hat(w)| on fresh x, rank-deficient designs, in units of tol" + tag,
                    Role.CLAIM, mn.violation(), 1.0, mn.where()));
            Tries.Worst pipe = Tries.run(ctx, claimId() + "/pipeline/" + s.name(),
                    rng -> OrbitProperties.pipelineInvariance(s, rng));
            res.add(Evidence.atMost("max change of n Rep, n Leak, n Var under w_hat -> g.w_hat, in units of tol" + tag,
                    Role.CLAIM, pipe.violation(), 1.0, pipe.where()));
            if (s.symmetric()) {
                Tries.Worst skew = Tries.run(ctx, claimId() + "/skew/" + s.name(),
                        rng -> OrbitProperties.minNormInvariance(s, PlantedErrors.skewed(s.problem().representation()), rng));
                res.add(Evidence.plantedErrorCaught("features times a fixed non-orthogonal matrix" + tag,
                        Evidence.atMost("max |f_hat(g.w) - f_hat(w)| in units of tol", Role.CONTROL, skew.violation(), 1.0,
                                skew.where())));
                Tries.Worst off = Tries.run(ctx, claimId() + "/offset/" + s.name(),
                        rng -> OrbitProperties.minNormInvariance(s, PlantedErrors.offset(s.problem().representation()), rng));
                res.add(Evidence.plantedErrorCaught("features with a fixed offset" + tag,
                        Evidence.atMost("max |f_hat(g.w) - f_hat(w)| in units of tol", Role.CONTROL, off.violation(), 1.0,
                                off.where())));
            }
        }
        return res.build();
    }
}
