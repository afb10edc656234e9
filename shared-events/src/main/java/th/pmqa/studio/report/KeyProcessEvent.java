package th.pmqa.studio.report;

/** An event of the assessment's key processes: one added, edited or removed, or a sub-criterion's links to them. */
public sealed interface KeyProcessEvent extends AssessmentEvent
        permits KeyProcessAddedEvent, KeyProcessEditedEvent, KeyProcessRemovedEvent, KeyProcessesLinkedEvent {
}
