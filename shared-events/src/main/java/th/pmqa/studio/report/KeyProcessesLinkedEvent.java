package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The complete list of key processes a sub-criterion of category 6 now refers to. */
@Revision("1")
public record KeyProcessesLinkedEvent(AssessmentId assessmentId, CriterionId criterion, List<KeyProcessId> keyProcesses,
                                      Author author, Instant at) implements KeyProcessEvent {

    public KeyProcessesLinkedEvent {
        keyProcesses = keyProcesses == null ? List.of() : List.copyOf(keyProcesses);
    }
}
