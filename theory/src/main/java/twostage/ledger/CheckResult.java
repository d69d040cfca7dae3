package twostage.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one run of one check found. The status is derived from the evidence by {@link Builder#build()}:
 * <ul>
 *   <li>FAIL if any CONTROL comparison is not met, or if nothing was compared;</li>
 *   <li>otherwise NOT_CHECKABLE if the check declared the item not checkable (its proxies ran and held);</li>
 *   <li>otherwise DISCREPANCY if any CLAIM comparison is not met (with a one-line explanation);</li>
 *   <li>otherwise PASS.</li>
 * </ul>
 */
public final class CheckResult {

    private final String claimId;
    private final String checkName;
    private final String module;
    private final String kind;
    private final Status status;
    private final String explanation;
    private final List<Evidence> evidence;
    private final List<Attachment> attachments;
    private final long seed;
    private final long durationMillis;
    private final String scale;
    private final String error;
    private final String statement;

    private CheckResult(Builder b, Status status, String explanation, long durationMillis) {
        this.claimId = b.claimId;
        this.checkName = b.checkName;
        this.module = b.module;
        this.kind = b.kind;
        this.status = status;
        this.explanation = explanation;
        this.evidence = Collections.unmodifiableList(new ArrayList<>(b.evidence));
        this.attachments = Collections.unmodifiableList(new ArrayList<>(b.attachments));
        this.seed = b.seed;
        this.durationMillis = durationMillis;
        this.scale = b.scale;
        this.error = b.error;
        this.statement = b.statement;
    }

    public static Builder builder(String claimId, String checkName) {
        return new Builder(claimId, checkName);
    }

    public String claimId() { return claimId; }
    public String checkName() { return checkName; }
    public String module() { return module; }
    public String kind() { return kind; }
    public Status status() { return status; }
    public String explanation() { return explanation; }
    public List<Evidence> evidence() { return evidence; }
    public List<Attachment> attachments() { return attachments; }
    public long seed() { return seed; }
    public long durationMillis() { return durationMillis; }
    public String scale() { return scale; }
    /** The claim in our own words with its formula, as the check states it. */
    public String statement() { return statement; }

    /** The exception text if the check threw, else empty. */
    public String error() { return error; }

    /** A multi-line description of the evidence, for assertion messages and logs. */
    public String describe() {
        return claimId + " [" + checkName + "] " + status + (explanation.isEmpty() ? "" : " - " + explanation)
                + (error.isEmpty() ? "" : "\n  error: " + error)
                + "\n  seed " + seed + "\n  " + evidence.stream().map(Evidence::summary).collect(Collectors.joining("\n  "));
    }

    /** Collects evidence and attachments while a check runs. */
    public static final class Builder {
        private final String claimId;
        private final String checkName;
        private final long started = System.nanoTime();
        private final List<Evidence> evidence = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private String module = "";
        private String kind = "";
        private boolean notCheckable;
        private String notCheckableReason = "";
        private String discrepancyNote = "";
        private long seed;
        private String scale = "";
        private String error = "";
        private String statement = "";

        private Builder(String claimId, String checkName) {
            this.claimId = Objects.requireNonNull(claimId);
            this.checkName = Objects.requireNonNull(checkName);
        }

        public Builder module(String m) { this.module = m; return this; }
        public Builder kind(String k) { this.kind = k; return this; }
        public Builder seed(long s) { this.seed = s; return this; }
        public Builder scale(String s) { this.scale = s; return this; }
        public Builder statement(String s) { this.statement = s == null ? "" : s; return this; }

        public Builder add(Evidence e) {
            evidence.add(Objects.requireNonNull(e));
            return this;
        }

        public Builder addAll(List<Evidence> es) {
            es.forEach(this::add);
            return this;
        }

        public Builder attach(Attachment a) {
            attachments.add(Objects.requireNonNull(a));
            return this;
        }

        /** Declares the item not checkable as stated; {@code reason} says why and which proxy ran instead. */
        public Builder notCheckable(String reason) {
            this.notCheckable = true;
            this.notCheckableReason = reason;
            return this;
        }

        /** One line saying what the paper states and what was found instead, used if the status is DISCREPANCY. */
        public Builder discrepancyNote(String note) {
            this.discrepancyNote = note;
            return this;
        }

        /**
         * Records that the drawn instance violates an assumption of the claim (a numerically fragile spot: a near-zero
         * eigengap, a rank change, an ill-conditioned design): the claim was not tested there, so the result is
         * NOT_CHECKABLE with the violation as its reason, not a FAIL.
         */
        public Builder assumptionViolated(twostage.check.AssumptionViolation v) {
            this.notCheckable = true;
            this.notCheckableReason = "assumption violated on the drawn instance: " + v.getMessage();
            this.evidence.add(Evidence.condition("assumption " + v.assumption() + " holds on the instance", Role.INFO,
                    false, v.getMessage()));
            return this;
        }

        /** Records an exception thrown by the check; the result is a FAIL. */
        public Builder error(Throwable t) {
            java.io.StringWriter sw = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(sw));
            this.error = sw.toString();
            return this;
        }

        public CheckResult build() {
            long ms = (System.nanoTime() - started) / 1_000_000;
            List<Evidence> controlFailed = evidence.stream()
                    .filter(e -> e.role() == Role.CONTROL && !e.passed()).toList();
            List<Evidence> claimFailed = evidence.stream()
                    .filter(e -> e.role() == Role.CLAIM && !e.passed()).toList();
            boolean compared = notCheckable || evidence.stream().anyMatch(e -> e.role() != Role.INFO);
            Status st;
            String why;
            if (!error.isEmpty()) {
                st = Status.FAIL;
                why = "the check threw: " + error.lines().findFirst().orElse("");
            } else if (!compared) {
                st = Status.FAIL;
                why = "the check compared nothing";
            } else if (!controlFailed.isEmpty()) {
                st = Status.FAIL;
                why = "internal comparison failed: " + controlFailed.get(0).summary();
            } else if (notCheckable) {
                st = Status.NOT_CHECKABLE;
                why = notCheckableReason;
            } else if (!claimFailed.isEmpty()) {
                st = Status.DISCREPANCY;
                why = (discrepancyNote.isEmpty() ? "" : discrepancyNote + "; ") + "paper vs computation: "
                        + claimFailed.stream().map(Evidence::summary).collect(Collectors.joining("; "));
            } else {
                st = Status.PASS;
                why = "";
            }
            return new CheckResult(this, st, why, ms);
        }
    }
}
