package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** When the report last changed and by whom. */
@Schema(name = "LastChange")
public record LastChangeView(@Schema(types = {"string", "null"}, format = "date-time") Instant at,
                             @Schema(types = {"object", "null"}) Author author) {
}
