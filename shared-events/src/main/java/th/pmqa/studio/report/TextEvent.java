package th.pmqa.studio.report;

/**
 * An event that stores a new revision of one text (OP item, OP question answer, Step-1 analysis, A-D-R part, summary),
 * possibly as a merge.
 */
public sealed interface TextEvent extends AssessmentEvent
        permits ProfileItemDraftedEvent, ApproachDraftedEvent, DeploymentDraftedEvent, ResultDraftedEvent,
        CriterionSummaryWrittenEvent, ProfileQuestionAnsweredEvent, CriterionAnalysisWrittenEvent {

    String text();

    long revision();

    /** How the revision came about when its writer started from an older one; null otherwise. */
    Merge merge();
}
