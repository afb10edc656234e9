package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "EditConflictRegion")
record ConflictRegionDoc(String base, String theirs, String yours) {
}
