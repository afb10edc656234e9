package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.web.AssessmentPath;
import th.pmqa.studio.command.web.Required;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.report.Author;

import java.util.List;
import java.util.Map;

/** What the row endpoints (C-I-D rows, key processes) check before a command can be built, and how they answer. */
final class RowRequests {

    private RowRequests() {
    }

    static long baseRevision(Long value) {
        long baseRevision = Required.field(value, "baseRevision");
        if (baseRevision < 0 || baseRevision > CommandRequests.MAX_REVISION) {
            throw new InvalidInputException("baseRevision", "baseRevision is the row's revision the edit started from: "
                                                            + "a whole number from 0 to "
                                                            + CommandRequests.MAX_REVISION_TEXT);
        }
        return baseRevision;
    }

    /** Each text field through the text limit, named as in the request. */
    static void checkTexts(TextLimit limit, Map<String, String> fields) {
        fields.forEach(limit::check);
    }

    @Schema(name = "RowEditConflict", description = "problem details of a row edit (C-I-D row, key process) that "
            + "started from an older revision and could not be merged (type …/problems/row-edit-conflict): the row as "
            + "it stands and what was sent; nothing was stored. Other conflicts (assessment submitted, section "
            + "approved) are plain problem details")
    record RowEditConflictDoc(String type, String title, int status, String detail, String instance, String field,
                              @Schema(description = "the C-I-D row's id (C-I-D rows)") String rowId,
                              @Schema(description = "the key process's id (key processes)") String processId,
                              long baseRevision, long currentRevision,
                              @Schema(description = "the row as stored now, fields named as in the request")
                              Map<String, String> current,
                              @Schema(description = "the row that was sent") Map<String, String> yours,
                              @Schema(types = {"array", "null"}, description = "the fields both changed differently; "
                                      + "null when baseRevision is older than the revisions kept to merge with")
                              List<String> conflictingFields,
                              @Schema(types = {"object", "null"}, description = "who saved the current revision")
                              Author lastAuthor) {
    }
}
