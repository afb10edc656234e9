package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.RowEditConflictException;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows that are edited as a whole, each with a revision (C-I-D rows, key processes): their current fields as the API
 * names them, who saved them, and the few revisions before, kept to merge a stale edit with. Keyed by row id, in the
 * order the rows were added; each row belongs to an {@code owner} (its sub-criterion; empty when the rows belong to
 * the assessment as a whole).
 * <p>
 * The revisions kept are fewer than a text's: up to {@value #EARLIER_REVISIONS_KEPT} and
 * {@value #EARLIER_CHARACTERS_KEPT} characters per row, because an assessment may hold some six hundred rows and the
 * aggregate, cached and snapshotted, keeps all of them. An edit that started from an older revision is refused with
 * the row as it stands, as a text edit is.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class RevisionedRows {

    static final int EARLIER_REVISIONS_KEPT = 8;
    static final int EARLIER_CHARACTERS_KEPT = 20_000;

    /** One revision of a row. */
    record Revision(Map<String, String> fields, long revision, Author author) {

        int characters() {
            return fields.values().stream().mapToInt(v -> v == null ? 0 : v.length()).sum();
        }
    }

    /** A row: its owner, its current revision, and the revisions before it (oldest first). */
    record Row(String owner, Revision current, List<Revision> earlier) {
    }

    /** What an edit comes to: the fields to store (null when nothing changes), the merge if it was one. */
    record Edit(Map<String, String> fields, long revision, Merge merge, Revision current) {

        boolean stores() {
            return fields != null;
        }
    }

    private Map<String, Row> rows = new LinkedHashMap<>();

    Optional<Row> row(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    boolean contains(String id) {
        return rows.containsKey(id);
    }

    long countOwnedBy(String owner) {
        return rows.values().stream().filter(r -> r.owner().equals(owner)).count();
    }

    long count() {
        return rows.size();
    }

    /** Row ids with their rows, in the order they were added. */
    Map<String, Row> all() {
        return java.util.Collections.unmodifiableMap(rows);
    }

    /**
     * Decides an edit of row {@code id} (which must exist) sent as {@code yours}, started from {@code baseRevision}.
     * The same fields as stored are no change whatever the base (a retry); on the current revision they are stored
     * as sent; on an older one they are merged field by field ({@link RowMerge}).
     *
     * @throws RowEditConflictException when both changed the same field irreconcilably, or the base is unknown
     */
    Edit edit(String id, String idField, Map<String, String> yours, long baseRevision, Set<String> choices) {
        Row row = rows.get(id);
        Revision current = row.current();
        if (current.fields().equals(yours)) {
            return new Edit(null, current.revision(), null, current);
        }
        long next = current.revision() + 1;
        if (baseRevision == current.revision()) {
            return new Edit(yours, next, null, current);
        }
        Map<String, String> base = at(row, baseRevision);
        if (base == null) {
            throw new RowEditConflictException(idField, id, baseRevision, current.revision(), current.fields(), yours,
                                               current.author(), null);
        }
        RowMerge.Outcome outcome = RowMerge.merge(base, current.fields(), yours, choices);
        if (!outcome.merged()) {
            throw new RowEditConflictException(idField, id, baseRevision, current.revision(), current.fields(), yours,
                                               current.author(), outcome.conflicts());
        }
        Merge merge = new Merge(baseRevision, current.revision());
        if (outcome.fields().equals(current.fields())) {
            return new Edit(null, current.revision(), merge, current);
        }
        return new Edit(outcome.fields(), next, merge, current);
    }

    private static Map<String, String> at(Row row, long revision) {
        if (row.current().revision() == revision) {
            return row.current().fields();
        }
        return row.earlier().stream().filter(r -> r.revision() == revision).map(Revision::fields).findFirst()
                  .orElse(null);
    }

    /** Makes {@code fields} the current revision of row {@code id}, keeping the one it replaces among the recent. */
    void store(String id, String owner, Map<String, String> fields, long revision, Author author) {
        Revision next = new Revision(new LinkedHashMap<>(fields), revision, author);
        Row before = rows.get(id);
        List<Revision> earlier = new ArrayList<>(before == null ? List.of() : before.earlier());
        if (before != null) {
            earlier.add(before.current());
        }
        int characters = earlier.stream().mapToInt(Revision::characters).sum();
        while (!earlier.isEmpty()
               && (earlier.size() > EARLIER_REVISIONS_KEPT || characters > EARLIER_CHARACTERS_KEPT)) {
            characters -= earlier.remove(0).characters();
        }
        rows.put(id, new Row(owner, next, earlier));
    }

    void remove(String id) {
        rows.remove(id);
    }

    /**
     * The field to name when {@code fields} would take the report past its bound: the one that grew most against the
     * row as it stands (the longest, for a new row); choices (kind, stage) hold no text to shorten.
     */
    String grownMost(String id, Map<String, String> fields, Set<String> choices) {
        Map<String, String> before = rows.containsKey(id) ? rows.get(id).current().fields() : Map.of();
        String grown = null;
        int most = Integer.MIN_VALUE;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (choices.contains(field.getKey())) {
                continue;
            }
            int growth = length(field.getValue()) - length(before.get(field.getKey()));
            if (growth > most) {
                most = growth;
                grown = field.getKey();
            }
        }
        return grown;
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
