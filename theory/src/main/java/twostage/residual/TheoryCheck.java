package twostage.residual;

import twostage.check.Check;

/** Common identity of the Appendix E and G checks: claim ID, name, statement, module "theory". */
public abstract class TheoryCheck implements Check {

    private final String claimId;
    private final String name;
    private final String statement;

    protected TheoryCheck(String claimId, String name, String statement) {
        this.claimId = claimId;
        this.name = name;
        this.statement = statement;
    }

    @Override public final String claimId() { return claimId; }
    @Override public final String name() { return name; }
    @Override public final String module() { return "theory"; }
    @Override public final String statement() { return statement; }
}
