package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/**
 * A text the team wrote, with its revision and who last wrote it; {@code drafted}: whether it has anything but
 * white space (what completeness counts).
 */
@Schema(name = "ReportText")
public record TextView(@Schema(types = {"string", "null"}) String text, long revision, Author author, Instant at,
                       boolean drafted) {

    /** Whether the text is missing or white space only. */
    public boolean empty() {
        return !drafted;
    }
}
