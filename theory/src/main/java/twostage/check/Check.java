package twostage.check;

import twostage.ledger.CheckResult;

/**
 * A check of one numbered item of the paper. Implementations are registered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/twostage.check.Check}) so the audit finds them, and
 * each module's test suite runs its own.
 *
 * <p>A check must be able to fail: each family carries a negative control (a planted error that the same
 * comparison must catch), recorded as CONTROL evidence.
 */
public interface Check {

    /** The paper's ID exactly as printed, e.g. {@code "Lemma C.4"}; must be in the catalogue. */
    String claimId();

    /** Short name of this check (a claim may have several checks, e.g. one per instance). */
    String name();

    /** Owning module: {@code theory}, {@code casestudies/spectral}, {@code casestudies/factor}, {@code casestudies/gmm}. */
    String module();

    /** The statement in our own words, with its formula, for the report. */
    String statement();

    /**
     * Runs the check. The seed recorded in the result is {@code ctx.seed(claimId(), 0)}; replications use
     * {@code ctx.rng(claimId(), r)} or a suffixed stream.
     */
    CheckResult run(CheckContext ctx);

    /** A builder pre-filled with this check's identity, the scale and its base seed. */
    default CheckResult.Builder result(CheckContext ctx) {
        return CheckResult.builder(claimId(), name()).module(module()).scale(ctx.scale().name().toLowerCase())
                .kind(twostage.claims.Catalogue.standard().require(claimId()).kind()).statement(statement())
                .seed(ctx.seed(claimId(), 0));
    }
}
