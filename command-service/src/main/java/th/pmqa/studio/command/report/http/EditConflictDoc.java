package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;

import java.util.List;

@Schema(name = "EditConflict", description = "problem details of a text edit that could not be merged "
                                             + "(type …/problems/edit-conflict); nothing was stored")
record EditConflictDoc(String type, String title, int status, String detail, String instance, String field,
                       String textField, long baseRevision,
                       @Schema(types = {"string", "null"}, description = "the text at baseRevision; null when "
                                                                           + "that revision is too old to merge with")
                       String base,
                       @Schema(description = "the text as stored now") String theirs, long currentRevision,
                       @Schema(description = "the text that was sent") String yours,
                       @Schema(types = {"object", "null"}, description = "userId and name of who saved theirs; "
                                                                          + "null when nobody has")
                       Author lastAuthor,
                       List<ConflictRegionDoc> conflicts) {
}
