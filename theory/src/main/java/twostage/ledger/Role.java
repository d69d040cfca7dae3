package twostage.ledger;

/** What a comparison stands for, which decides what its failure means. */
public enum Role {
    /** The paper's printed statement against the computation: a failure is a DISCREPANCY. */
    CLAIM,
    /** Internal consistency of the suite (two independent computations, a negative control): a failure is a FAIL. */
    CONTROL,
    /** A reported figure with no acceptance rule. */
    INFO
}
