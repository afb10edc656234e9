package th.pmqa.studio.report;

/**
 * How a text revision came about when its writer started from an older revision: their edit, made on
 * {@code baseRevision}, was merged with the revisions others stored up to {@code theirsRevision}. Null on a text
 * event means the writer edited the latest revision.
 */
public record Merge(long baseRevision, long theirsRevision) {
}
