package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.report.commands.AddKeyProcessCommand;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.EditKeyProcessCommand;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessEditedEvent;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.command.report.commands.RemoveKeyProcessCommand;
import th.pmqa.studio.command.report.commands.SavedRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The assessment's key processes (the seed's key-process profile and value chain for category 6) and which
 * sub-criteria of category 6 link to them: what adds, edits, removals and links are decided on. The aggregate checks
 * that the sections concerned may be edited; this decides the rest and says which event records it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class KeyProcesses {

    /** A province names a handful of key processes (the seed's examples: 4–5 core, 4 support). */
    static final int MAX_PROCESSES = 50;
    private static final Set<String> CHOICES = Set.of("stage");

    private RevisionedRows processes = new RevisionedRows();
    /** Sub-criterion id → the key processes it links to, in the order given. */
    private Map<String, List<String>> links = new HashMap<>();

    KeyProcessAddedEvent add(AssessmentId assessment, AddKeyProcessCommand command, ReportSize size, Instant at) {
        if (command.processId() == null) {
            throw new InvalidInputException("processId", "processId is required");
        }
        KeyProcess process = valid(command.process());
        String id = command.processId().value();
        if (processes.contains(id)) {
            throw new ConflictException("duplicate-key-process", "processId", "Key process " + id + " exists already");
        }
        if (processes.count() >= MAX_PROCESSES) {
            throw new ConflictException("too-many-key-processes", "processId", "An assessment names at most "
                    + MAX_PROCESSES + " key processes; remove one first");
        }
        size.requireRoomFor(sizeKey(command.processId()), process.characters(),
                            processes.grownMost(id, process.fields(), CHOICES));
        return new KeyProcessAddedEvent(assessment, command.processId(), process, 1, command.author(), at);
    }

    /** The answer to an edit and the event that stores it, if it stores anything. */
    record Edit(SavedRow<KeyProcess> answer, KeyProcessEditedEvent event) {
    }

    Edit edit(AssessmentId assessment, EditKeyProcessCommand command, ReportSize size, Instant at) {
        String id = existing(command.processId());
        KeyProcess process = valid(command.process());
        RevisionedRows.Edit edit = processes.edit(id, "processId", process.fields(), command.baseRevision(), CHOICES);
        if (!edit.stores()) {
            KeyProcess current = KeyProcess.of(edit.current().fields());
            return new Edit(new SavedRow<>(edit.revision(), false, current, edit.merge()), null);
        }
        KeyProcess stored = KeyProcess.of(edit.fields());
        size.requireRoomFor(sizeKey(command.processId()), stored.characters(),
                            processes.grownMost(id, stored.fields(), CHOICES));
        return new Edit(new SavedRow<>(edit.revision(), true, stored, edit.merge()),
                        new KeyProcessEditedEvent(assessment, command.processId(), stored, edit.revision(),
                                                  command.author(), at, edit.merge()));
    }

    /** The removal, naming the sub-criteria it unlinks (the aggregate checks they may be edited). */
    KeyProcessRemovedEvent remove(AssessmentId assessment, RemoveKeyProcessCommand command, Instant at) {
        String id = existing(command.processId());
        List<CriterionId> linking = links.entrySet().stream().filter(e -> e.getValue().contains(id))
                                         .map(e -> new CriterionId(e.getKey()))
                                         .sorted(java.util.Comparator.comparing(CriterionId::value)).toList();
        return new KeyProcessRemovedEvent(assessment, command.processId(), linking, command.author(), at);
    }

    /**
     * The key processes a sub-criterion is to link to, checked: only a sub-criterion of category 6 links any, each
     * process must exist and be listed once. An empty list is fine anywhere (it links nothing).
     */
    List<KeyProcessId> validLinks(CriterionId criterion, boolean ofCategorySix, List<KeyProcessId> ids) {
        if (!ofCategorySix && !ids.isEmpty()) {
            throw new InvalidInputException("keyProcesses", "Only sub-criteria of category " + KeyProcess.CATEGORY
                                                            + " link to key processes; " + criterion + " does not");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            KeyProcessId id = ids.get(i);
            String field = "keyProcesses[" + i + "]";
            if (id == null || !processes.contains(id.value())) {
                throw new InvalidInputException(field, "Key process " + id + " does not exist");
            }
            if (!seen.add(id.value())) {
                throw new InvalidInputException(field, "Key process " + id + " is listed twice");
            }
        }
        return List.copyOf(ids);
    }

    /** The event that links {@code ids} from the sub-criterion, unless it links exactly those already. */
    Optional<KeyProcessesLinkedEvent> link(AssessmentId assessment, CriterionId criterion, List<KeyProcessId> ids,
                                           Author author, Instant at) {
        List<String> values = ids.stream().map(KeyProcessId::value).toList();
        if (values.equals(links.getOrDefault(criterion.value(), List.of()))) {
            return Optional.empty();
        }
        return Optional.of(new KeyProcessesLinkedEvent(assessment, criterion, ids, author, at));
    }

    List<KeyProcessId> linkedFrom(CriterionId criterion) {
        return links.getOrDefault(criterion.value(), List.of()).stream().map(KeyProcessId::new).toList();
    }

    private String existing(KeyProcessId processId) {
        String id = processId == null ? null : processId.value();
        if (id == null || !processes.contains(id)) {
            throw new NotFoundException("processId", "Key process " + id + " does not exist");
        }
        return id;
    }

    private static KeyProcess valid(KeyProcess process) {
        if (process == null || process.name().isBlank()) {
            throw new InvalidInputException("name", "name (" + KeyProcess.NAME_HEADING + ") is required");
        }
        if (process.stage() == null) {
            throw new InvalidInputException("stage", "stage is where the process sits in the value chain: upstream "
                                                     + "(ต้นทาง), midstream (กลางทาง) or downstream (ปลายทาง)");
        }
        return process;
    }

    static String sizeKey(KeyProcessId processId) {
        return "keyProcess/" + processId.value();
    }

    void on(KeyProcessAddedEvent event, ReportSize size) {
        processes.store(event.processId().value(), "", event.process().fields(), event.revision(), event.author());
        size.set(sizeKey(event.processId()), event.process().characters());
    }

    void on(KeyProcessEditedEvent event, ReportSize size) {
        processes.store(event.processId().value(), "", event.process().fields(), event.revision(), event.author());
        size.set(sizeKey(event.processId()), event.process().characters());
    }

    void on(KeyProcessRemovedEvent event, ReportSize size) {
        size.set(sizeKey(event.processId()), 0);
        String id = event.processId().value();
        processes.remove(id);
        links.replaceAll((criterion, linked) -> linked.contains(id)
                ? new ArrayList<>(linked.stream().filter(l -> !l.equals(id)).toList()) : linked);
    }

    void on(KeyProcessesLinkedEvent event) {
        links.put(event.criterion().value(),
                  new ArrayList<>(event.keyProcesses().stream().map(KeyProcessId::value).toList()));
    }
}
