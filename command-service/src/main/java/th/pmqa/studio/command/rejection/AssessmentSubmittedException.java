package th.pmqa.studio.command.rejection;

/** Any change to a submitted assessment; it has to be reopened first. */
public class AssessmentSubmittedException extends ConflictException {
    public AssessmentSubmittedException(String assessmentId) {
        super("assessment-submitted", "assessmentId",
                "Assessment " + assessmentId + " has been submitted and refuses edits until it is reopened");
    }
}
