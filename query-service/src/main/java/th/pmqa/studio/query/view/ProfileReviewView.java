package th.pmqa.studio.query.view;

import th.pmqa.studio.report.SectionStatus;

/** What a live update of the Organizational Profile's review carries: its section, status and whether it changed. */
public record ProfileReviewView(String section, SectionStatus workflow, boolean changedSinceReady) {
}
