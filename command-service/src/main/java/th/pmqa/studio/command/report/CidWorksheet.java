package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.report.commands.AddCidRowCommand;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowEditedEvent;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CidRowRemovedEvent;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.EditCidRowCommand;
import th.pmqa.studio.command.report.commands.RemoveCidRowCommand;
import th.pmqa.studio.command.report.commands.SavedRow;

import java.time.Instant;
import java.util.Set;

/**
 * The C-I-D worksheets of an assessment's sub-criteria (the seed's table behind the Advance level): which rows each
 * holds, in what revision, for deciding adds, edits and removals. The aggregate checks that the section may be
 * edited; this decides the rest and says which event records it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class CidWorksheet {

    /** The seed's table has three rows; a sub-criterion with several partnerships or systems per kind needs more. */
    static final int MAX_ROWS_PER_CRITERION = 30;
    private static final Set<String> CHOICES = Set.of("kind");

    private RevisionedRows rows = new RevisionedRows();

    CidRowAddedEvent add(AssessmentId assessment, AddCidRowCommand command, ReportSize size, Instant at) {
        if (command.rowId() == null) {
            throw new InvalidInputException("rowId", "rowId is required");
        }
        CidRow row = valid(command.row());
        String id = command.rowId().value();
        if (rows.contains(id)) {
            throw new ConflictException("duplicate-row", "rowId", "C-I-D row " + id + " exists already");
        }
        if (rows.countOwnedBy(command.criterion().value()) >= MAX_ROWS_PER_CRITERION) {
            throw new ConflictException("too-many-cid-rows", "rowId", "A sub-criterion's C-I-D worksheet holds at most "
                    + MAX_ROWS_PER_CRITERION + " rows; remove one first");
        }
        size.requireRoomFor(sizeKey(command.rowId()), row.characters(), rows.grownMost(id, row.fields(), CHOICES));
        return new CidRowAddedEvent(assessment, command.criterion(), command.rowId(), row, 1, command.author(), at);
    }

    /** The answer to an edit and the event that stores it, if it stores anything. */
    record Edit(SavedRow<CidRow> answer, CidRowEditedEvent event) {
    }

    Edit edit(AssessmentId assessment, EditCidRowCommand command, ReportSize size, Instant at) {
        String id = existing(command.criterion(), command.rowId());
        CidRow row = valid(command.row());
        RevisionedRows.Edit edit = rows.edit(id, "rowId", row.fields(), command.baseRevision(), CHOICES);
        if (!edit.stores()) {
            CidRow current = CidRow.of(edit.current().fields());
            return new Edit(new SavedRow<>(edit.revision(), false, current, edit.merge()), null);
        }
        CidRow stored = CidRow.of(edit.fields());
        size.requireRoomFor(sizeKey(command.rowId()), stored.characters(),
                            rows.grownMost(id, stored.fields(), CHOICES));
        return new Edit(new SavedRow<>(edit.revision(), true, stored, edit.merge()),
                        new CidRowEditedEvent(assessment, command.criterion(), command.rowId(), stored, edit.revision(),
                                              command.author(), at, edit.merge()));
    }

    CidRowRemovedEvent remove(AssessmentId assessment, RemoveCidRowCommand command, Instant at) {
        existing(command.criterion(), command.rowId());
        return new CidRowRemovedEvent(assessment, command.criterion(), command.rowId(), command.author(), at);
    }

    /** The row's id, if it is a row of this sub-criterion's worksheet. */
    private String existing(CriterionId criterion, CidRowId rowId) {
        String id = rowId == null ? null : rowId.value();
        if (id == null || rows.row(id).filter(r -> r.owner().equals(criterion.value())).isEmpty()) {
            throw new NotFoundException("rowId", "C-I-D row " + id + " is not a row of " + criterion + "'s worksheet");
        }
        return id;
    }

    private static CidRow valid(CidRow row) {
        if (row == null || row.kind() == null) {
            throw new InvalidInputException("kind", "kind is C (Collaboration), I (Innovation) or D (Digitalization)");
        }
        if (row.data().isBlank()) {
            throw new InvalidInputException("data", "data (" + CidRow.DATA_HEADING + ") is required: who or what the "
                                                    + "row is about, e.g. the partners, the innovation or the system");
        }
        return row;
    }

    static String sizeKey(CidRowId rowId) {
        return "cid/" + rowId.value();
    }

    void on(CidRowAddedEvent event, ReportSize size) {
        rows.store(event.rowId().value(), event.criterion().value(), event.row().fields(), event.revision(),
                   event.author());
        size.set(sizeKey(event.rowId()), event.row().characters());
    }

    void on(CidRowEditedEvent event, ReportSize size) {
        rows.store(event.rowId().value(), event.criterion().value(), event.row().fields(), event.revision(),
                   event.author());
        size.set(sizeKey(event.rowId()), event.row().characters());
    }

    void on(CidRowRemovedEvent event, ReportSize size) {
        rows.remove(event.rowId().value());
        size.set(sizeKey(event.rowId()), 0);
    }
}
