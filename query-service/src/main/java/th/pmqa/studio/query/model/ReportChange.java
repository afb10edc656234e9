package th.pmqa.studio.query.model;

import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Merge;

import java.time.Instant;

/**
 * What one event changed in a report, as {@link ChangeDescriber} read it around the fold: which part, a summary, and
 * that part as text before and after. It carries no diff; {@link ChangeDescriber#describe(ReportChange)} adds one.
 * The fields are those of {@link th.pmqa.studio.query.model.ChangeEntry}.
 */
public record ReportChange(long position, String assessmentId, Instant at, Author author, String section,
                           String criterionId, Integer profileItem, String kind, String what, String summary,
                           String before, String after, Long revision, Merge merge) {
}
