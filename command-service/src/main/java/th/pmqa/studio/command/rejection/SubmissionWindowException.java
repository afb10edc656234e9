package th.pmqa.studio.command.rejection;

import java.time.Instant;

/** An edit or a submission outside the assessment's submission window. */
public class SubmissionWindowException extends RejectedCommandException {

    private final Instant opensAt;
    private final Instant closesAt;

    public SubmissionWindowException(String problemType, String message, Instant opensAt, Instant closesAt) {
        super(RejectionKind.CONFLICT, problemType, "submissionWindow", message);
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }
}
