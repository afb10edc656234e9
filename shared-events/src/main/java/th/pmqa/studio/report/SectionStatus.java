package th.pmqa.studio.report;

/** Where a section (the Organizational Profile, or one sub-criterion) is in the review workflow. */
public enum SectionStatus {
    DRAFTING, READY_FOR_REVIEW, APPROVED
}
