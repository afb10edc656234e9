package th.pmqa.studio.command.rejection;

import th.pmqa.studio.report.Author;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An edit of a row (a C-I-D row, a key process) made on an older revision that could not be merged with what was
 * saved since: both changed the same field differently, or the revision it started from is too old to merge with.
 * Carries the row as it stands and what was sent, so the writer can be shown both without another round trip;
 * nothing was stored.
 */
public class RowEditConflictException extends RejectedCommandException {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param conflicts the fields both sides changed; null when {@code baseRevision} is not among those kept
     */
    public RowEditConflictException(String idField, String id, long baseRevision, long currentRevision,
                                    Map<String, String> current, Map<String, String> yours, Author lastAuthor,
                                    List<String> conflicts) {
        super(RejectionKind.STALE, "row-edit-conflict",
              conflicts == null || conflicts.isEmpty() ? "baseRevision" : conflicts.get(0),
              conflicts == null
                      ? "The edit of " + id + " started from revision " + baseRevision + ", which is not among the "
                        + "recent revisions it can be merged with (current: " + currentRevision + ")"
                      : "The edit of " + id + " started from revision " + baseRevision + " and changes "
                        + String.join(", ", conflicts) + " differently from revision " + currentRevision
                        + "; nothing was stored");
        properties.put(idField, id);
        properties.put("baseRevision", baseRevision);
        properties.put("currentRevision", currentRevision);
        properties.put("current", current);
        properties.put("yours", yours);
        properties.put("conflictingFields", conflicts);
        properties.put("lastAuthor", lastAuthor);
    }

    @Override
    public Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }
}
