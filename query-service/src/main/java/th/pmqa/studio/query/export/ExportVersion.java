package th.pmqa.studio.query.export;

import java.time.Instant;

/**
 * Which state of the report an export shows ({@code description}: the latest, a label, an instant or a position,
 * as the cover prints it), the part of the file name that names it, and when the export was made.
 */
public record ExportVersion(String description, String fileNamePart, Instant generatedAt) {
}
