package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A key process was removed; {@code unlinkedFrom} are the sub-criteria that linked to it and no longer do (their
 * links lose it with this event, no separate link event follows).
 */
@Revision("1")
public record KeyProcessRemovedEvent(AssessmentId assessmentId, KeyProcessId processId, List<CriterionId> unlinkedFrom,
                                     Author author, Instant at) implements KeyProcessEvent {

    public KeyProcessRemovedEvent {
        unlinkedFrom = unlinkedFrom == null ? List.of() : List.copyOf(unlinkedFrom);
    }
}
