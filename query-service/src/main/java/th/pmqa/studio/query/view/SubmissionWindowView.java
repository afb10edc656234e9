package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** When the report may be submitted: from {@code opensAt} (null: from now) until {@code closesAt}. */
@Schema(name = "SubmissionWindow")
public record SubmissionWindowView(@Schema(types = {"string", "null"}, format = "date-time") Instant opensAt,
                                   Instant closesAt) {
}
