package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.SectionStatus;

import java.util.List;

/** The Organizational Profile (OP): its review status, its questions with their items, and how much is written. */
@Schema(name = "ReportProfile")
public record ProfileView(SectionStatus workflow, boolean changedSinceReady, List<ProfileQuestionView> questions,
                          ProfileCompletenessView completeness) {
}
