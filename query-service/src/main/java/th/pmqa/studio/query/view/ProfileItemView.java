package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/** One item of the Organizational Profile with the team's text ({@code text} null while never written). */
@Schema(name = "ReportProfileItem")
public record ProfileItemView(String section, int number, String title,
                              @Schema(types = {"object", "null"}) TextView text, boolean empty) {
}
