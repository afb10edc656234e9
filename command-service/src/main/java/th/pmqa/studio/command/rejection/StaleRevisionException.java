package th.pmqa.studio.command.rejection;

import th.pmqa.studio.report.Author;

/**
 * An edit based on an outdated revision. Carries the current state so that the writer can compare and retry
 * without another round trip.
 */
public class StaleRevisionException extends RejectedCommandException {

    private final String textField;
    private final String currentText;
    private final long currentRevision;
    private final Author lastAuthor;

    public StaleRevisionException(String textField, long baseRevision, String currentText, long currentRevision,
                                  Author lastAuthor) {
        super(RejectionKind.STALE, "stale-revision", "baseRevision",
                "The edit of " + textField + " is based on revision " + baseRevision
                        + " but the current revision is " + currentRevision);
        this.textField = textField;
        this.currentText = currentText;
        this.currentRevision = currentRevision;
        this.lastAuthor = lastAuthor;
    }

    /** The stored text the edit addressed, e.g. {@code criteria/1.1/basic/approach}. */
    public String textField() {
        return textField;
    }

    public String currentText() {
        return currentText;
    }

    public long currentRevision() {
        return currentRevision;
    }

    public Author lastAuthor() {
        return lastAuthor;
    }
}
