package th.pmqa.studio.report;

import java.time.Instant;

/**
 * Every event of the assessment aggregate. Sealed so that projections can be checked for completeness when a new
 * event type is added.
 */
public sealed interface AssessmentEvent
        permits AssessmentOpenedEvent, TextEvent, ProfileItemsLinkedEvent, ResultIndicatorsLinkedEvent, ResultAttachedEvent,
        ResultDetachedEvent, LevelRatedEvent, AssessmentSubmittedEvent,
        AssessmentReopenedEvent, SectionMarkedReadyEvent, SectionApprovedEvent, SectionReopenedEvent,
        SubmissionWindowSetEvent, SubmissionWindowExtendedEvent, VersionLabeledEvent,
        ResultRevisedEvent, CidRowEvent, KeyProcessEvent,
        EvidenceUploadedEvent, EvidenceRemovedEvent {

    AssessmentId assessmentId();

    Author author();

    Instant at();
}
