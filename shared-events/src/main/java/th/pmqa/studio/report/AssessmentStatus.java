package th.pmqa.studio.report;

public enum AssessmentStatus {
    OPEN, SUBMITTED
}
