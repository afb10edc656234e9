package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** A row of the C-I-D worksheet: kind C, I or D with its name as the seed prints it, and the seed's four columns. */
public record CidRowView(String rowId, String kind, String kindName,
                         @Schema(types = {"string", "null"}) String data,
                         @Schema(types = {"string", "null"}) String output,
                         @Schema(types = {"string", "null"}) String process,
                         @Schema(types = {"string", "null"}) String need,
                         long revision, Author author, Instant at) {
}
