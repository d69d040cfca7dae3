package twostage.check;

import twostage.claims.Catalogue;
import twostage.claims.Claim;
import twostage.ledger.CheckResult;

/** Runs a check safely: validates its claim ID against the catalogue and turns an exception into a FAIL result. */
public final class CheckRunner {

    private CheckRunner() {
    }

    /**
     * @throws IllegalArgumentException if the check names an ID that is not in the catalogue (this must fail the
     *                                  build, so it is not turned into a result)
     */
    public static CheckResult run(Check check, CheckContext ctx) {
        Claim claim = Catalogue.standard().require(check.claimId());
        CheckResult.Builder fallback = check.result(ctx).kind(claim.kind());
        try {
            CheckResult r = check.run(ctx);
            if (!r.claimId().equals(check.claimId())) {
                throw new IllegalStateException("check " + check.name() + " returned a result for " + r.claimId()
                        + " instead of " + check.claimId());
            }
            return r;
        } catch (AssumptionViolation v) {
            return fallback.assumptionViolated(v).build();
        } catch (RuntimeException | AssertionError | OutOfMemoryError e) {
            return fallback.error(e).build();
        }
    }
}
