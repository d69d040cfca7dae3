package twostage.ls;

/**
 * The three parts of the conditional excess risk R - sigma^2 of min-norm OLS on fixed features (Proposition B.1):
 * representation error Rep = ||(I - Pi) f*||^2, leakage Leak_n = ||(Pi_n - Pi) f*||^2 and variance
 * Var_n = (sigma^2 / n) tr(Sigma Sigma_n^+).
 */
public record RiskParts(double rep, double leak, double var) {

    /** R - sigma^2 = Rep + Leak_n + Var_n. */
    public double excess() {
        return rep + leak + var;
    }

    /** The parts multiplied by s (e.g. n, to get n(R - sigma^2) and its parts). */
    public RiskParts times(double s) {
        return new RiskParts(s * rep, s * leak, s * var);
    }
}
