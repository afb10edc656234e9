package th.pmqa.studio.command.rejection;

import th.pmqa.studio.report.Author;

import java.util.List;

/**
 * An edit made on an older revision that could not be merged with what was stored since: both changed the same
 * words, or the revision it started from is too old to merge with. Carries the three versions, so that the writer
 * can be shown a conflict dialog without another round trip; nothing was stored.
 */
public class EditConflictException extends RejectedCommandException {

    /** One place where both changed the same words: base's, the stored and the sent version of it. */
    public record Region(String base, String theirs, String yours) {
    }

    private final String textField;
    private final long baseRevision;
    private final String base;
    private final String theirs;
    private final long currentRevision;
    private final String yours;
    private final Author lastAuthor;
    private final List<Region> conflicts;

    public EditConflictException(String textField, long baseRevision, String base, String theirs, long currentRevision,
                                 String yours, Author lastAuthor, List<Region> conflicts) {
        super(RejectionKind.STALE, "edit-conflict", base == null ? "baseRevision" : "text",
                base == null
                        ? "The edit of " + textField + " started from revision " + baseRevision
                          + ", which is not among the recent revisions it can be merged with (current: " + currentRevision + ")"
                        : "The edit of " + textField + " started from revision " + baseRevision + " and changes the same words as "
                          + "revision " + currentRevision + " (" + conflicts.size() + " place(s)); nothing was stored");
        this.textField = textField;
        this.baseRevision = baseRevision;
        this.base = base;
        this.theirs = theirs;
        this.currentRevision = currentRevision;
        this.yours = yours;
        this.lastAuthor = lastAuthor;
        this.conflicts = List.copyOf(conflicts);
    }

    /** The stored text the edit addressed, e.g. {@code criteria/1.1/basic/approach}. */
    public String textField() {
        return textField;
    }

    public long baseRevision() {
        return baseRevision;
    }

    /** The text at {@link #baseRevision()}; null when that revision is too old to be known here. */
    public String base() {
        return base;
    }

    /** The text as stored now, at {@link #currentRevision()}. */
    public String theirs() {
        return theirs;
    }

    public long currentRevision() {
        return currentRevision;
    }

    /** The text the writer sent. */
    public String yours() {
        return yours;
    }

    public Author lastAuthor() {
        return lastAuthor;
    }

    public List<Region> conflicts() {
        return conflicts;
    }
}
