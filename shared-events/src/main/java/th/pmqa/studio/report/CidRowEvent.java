package th.pmqa.studio.report;

/** An event of a sub-criterion's C-I-D worksheet: a row added, edited or removed. */
public sealed interface CidRowEvent extends AssessmentEvent
        permits CidRowAddedEvent, CidRowEditedEvent, CidRowRemovedEvent {

    CriterionId criterion();

    CidRowId rowId();
}
