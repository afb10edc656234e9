package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.EditConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.command.report.commands.SavedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessment's free texts (OP items and questions, A-D-R parts, summaries, analyses) with their current revision
 * and the few revisions before it: what an edit is checked and merged against. The aggregate decides which text an
 * edit is and whether its section may change; this decides what an edit of that text stores.
 * <p>
 * Unwrapped into the aggregate's snapshot ({@code texts}, {@code earlierTexts}), the shape it had before this class.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class RevisionedTexts {

    static final int EARLIER_REVISIONS_KEPT = 16;
    static final int EARLIER_CHARACTERS_KEPT = 200_000;

    /** Keyed by the aggregate's text keys ({@link Assessment#profileKey} and its siblings). */
    private Map<String, StoredText> texts = new HashMap<>();
    /**
     * The revisions each text had before its current one, oldest first: what an edit started from when someone
     * else saved in between, needed to merge the two. Bounded per text (count and characters), so an aggregate
     * that is cached stays small; an edit that started from an older revision gets the conflict answer instead.
     */
    private Map<String, List<StoredText>> earlierTexts = new HashMap<>();

    /** What an edit stores ({@code text} and {@code merge} of the event, if {@link #stores()}) and its answer. */
    record Edit(SavedText answer, String text, Merge merge) {
        boolean stores() {
            return answer.stored();
        }
    }

    /**
     * Decides an edit of one text. On the latest revision it is stored as sent. On an older one, what the writer
     * changed since their base is merged with what others stored since ({@link TextMerge}); if both changed the same
     * words, or the base is older than the revisions kept here, nothing is stored and the writer gets the three
     * versions to resolve.
     */
    Edit edit(String key, String text, long baseRevision, ReportSize size) {
        if (text == null) {
            throw new InvalidInputException("text", "text is required; send \"\" to clear it");
        }
        StoredText current = current(key);
        // Compared before the revision so that a retry whose first answer got lost succeeds instead of conflicting.
        if (current.text().equals(text)) {
            return new Edit(SavedText.unchanged(current.revision()), null, null);
        }
        long next = current.revision() + 1;
        if (baseRevision == current.revision()) {
            size.requireRoomFor(sizeKey(key), text.length(), "text");
            return new Edit(SavedText.written(next), text, null);
        }
        String base = textAt(key, baseRevision);
        if (base == null) {
            throw new EditConflictException(key, baseRevision, null, current.text(), current.revision(), text,
                    current.lastAuthor(), List.of());
        }
        TextMerge.Outcome outcome = TextMerge.merge(base, current.text(), text);
        if (!outcome.merged()) {
            throw new EditConflictException(key, baseRevision, base, current.text(), current.revision(), text,
                    current.lastAuthor(), outcome.conflicts().stream()
                            .map(c -> new EditConflictException.Region(c.base(), c.theirs(), c.yours())).toList());
        }
        Merge merge = new Merge(baseRevision, current.revision());
        if (outcome.text().equals(current.text())) {
            // Everything this edit changed is in the stored text already (often: a retry of an edit that was merged).
            // Nothing to store, but the writer has yet to see that text.
            return new Edit(new SavedText(current.revision(), false, current.text(), merge), null, null);
        }
        size.requireRoomFor(sizeKey(key), outcome.text().length(), "text");
        return new Edit(new SavedText(next, true, outcome.text(), merge), outcome.text(), merge);
    }

    StoredText current(String key) {
        return texts.getOrDefault(key, StoredText.NEVER_WRITTEN);
    }

    /** The text of {@code key} at a revision, if it is the current one or among the recent ones kept. */
    private String textAt(String key, long revision) {
        if (revision == 0) {
            return "";
        }
        StoredText current = texts.get(key);
        if (current != null && current.revision() == revision) {
            return current.text();
        }
        for (StoredText earlier : earlierTexts.getOrDefault(key, List.of())) {
            if (earlier.revision() == revision) {
                return earlier.text();
            }
        }
        return null;
    }

    /** Makes {@code next} the current text of {@code key}, keeping the one it replaces among the recent ones. */
    void store(String key, StoredText next, ReportSize size) {
        size.set(sizeKey(key), next.text().length());
        StoredText replaced = texts.put(key, next);
        if (replaced != null) {
            List<StoredText> earlier = earlierTexts.computeIfAbsent(key, k -> new ArrayList<>());
            earlier.add(replaced);
            int characters = earlier.stream().mapToInt(t -> t.text().length()).sum();
            while (earlier.size() > EARLIER_REVISIONS_KEPT
                   || (earlier.size() > 1 && characters > EARLIER_CHARACTERS_KEPT)) {
                characters -= earlier.remove(0).text().length();
            }
        }
    }

    private static String sizeKey(String textKey) {
        return "text/" + textKey;
    }
}
