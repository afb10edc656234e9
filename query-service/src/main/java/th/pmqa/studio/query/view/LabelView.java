package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** A named version: the report as it stood at {@code position}, named by a lead. */
@Schema(name = "Label")
public record LabelView(String label, long position,
                        @Schema(types = {"object", "null"}) Author author, Instant at) {
}
