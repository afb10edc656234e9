package th.pmqa.studio.command.report;

import th.pmqa.studio.text.DiffBudget;
import th.pmqa.studio.text.WordDiff;
import th.pmqa.studio.text.WordTokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Three-way merge of one text: what the writer started from (base), what is stored now (theirs) and what the writer
 * sends (yours). Both sides are diffed against base with {@link WordDiff}, in Thai words inside changed lines, so
 * edits in two different places of one unspaced Thai sentence are two separate changes. Nothing is normalized: the
 * merged text is made of exact slices of the three.
 *
 * <p>A change is kept only where the other side left its surroundings alone. Reports repeat words and phrases, and a
 * diff may place an insertion anywhere along a repeated run ("…การ[X การ]…" or "…[การ X] การ…"); the run it could
 * slide along is its footprint. Changes of the two sides whose footprints overlap or touch are a conflict (nothing
 * between them was left as it was, so no one can say the result reads as either meant), unless both made the very
 * same change, or one side's new words begin or end with the other's (then the longer is kept: it holds both).
 *
 * <p>The cost is bounded (issue 11: a stale edit of a 50,000-character text took ~40 s). Where a diff runs out of
 * its budget, its change is a whole run of changed lines (or everything between the common first and last lines):
 * a larger footprint, so it merges only with edits elsewhere and otherwise is a conflict. Nothing is lost either
 * way. A side with more than {@value #MAX_CHANGES} separate changes counts as one change from its first to its last.
 */
final class TextMerge {

    /** Beyond this many changes on one side, comparing each with each would cost more than the merge is worth. */
    static final int MAX_CHANGES = 1_000;

    private TextMerge() {
    }

    /** One place where both sides changed the same words of base differently: the three versions of it. */
    record Conflict(String base, String theirs, String yours) {
    }

    /** Either the merged text, or the conflicts that prevent it (then {@code text} is null). */
    record Outcome(String text, List<Conflict> conflicts) {

        boolean merged() {
            return conflicts.isEmpty();
        }
    }

    /**
     * A change of base's characters [start, end) into {@code replacement}, by one side. {@code from} and {@code to}
     * bound its footprint: the positions it could equally sit at (an insertion or deletion slid along a repeated
     * run), {@code from <= start <= end <= to}.
     */
    private record Change(int start, int end, String replacement, boolean theirs, int from, int to) {

        /** Touching counts: with no untouched word between two changes, their merge would be a guess. */
        boolean clashesWith(Change other) {
            return from <= other.to && other.from <= to;
        }

        /**
         * Whether this change of the same words does all the other does and more: its new words begin or end with
         * the other's (both added the same sentence at the end, and one wrote on).
         */
        boolean includes(Change other) {
            if (start != other.start || end != other.end || replacement.length() <= other.replacement.length()) {
                return false;
            }
            int extra = replacement.length() - other.replacement.length();
            return replacement.startsWith(other.replacement) && wordBoundary(replacement, other.replacement.length())
                   || replacement.endsWith(other.replacement) && wordBoundary(replacement, extra);
        }
    }

    static Outcome merge(String base, String theirs, String yours) {
        if (theirs.equals(yours) || base.equals(yours)) {
            return new Outcome(theirs, List.of());
        }
        if (base.equals(theirs)) {
            return new Outcome(yours, List.of());
        }
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(base, theirs, true));
        changes.addAll(changes(base, yours, false));
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));

        List<Conflict> conflicts = new ArrayList<>();
        List<Change> kept = new ArrayList<>();
        for (Change change : changes) {
            Change clash = kept.stream().filter(k -> k.theirs() != change.theirs() && k.clashesWith(change))
                               .findFirst().orElse(null);
            if (clash == null) {
                kept.add(change);
            } else if (sameResult(base, clash, change) || clash.includes(change)) {
                continue; // the same change on both sides is kept once
            } else if (change.includes(clash)) {
                kept.set(kept.indexOf(clash), change);
            } else {
                Change their = clash.theirs() ? clash : change;
                Change your = clash.theirs() ? change : clash;
                int start = Math.min(their.start(), your.start());
                int end = Math.max(their.end(), your.end());
                conflicts.add(new Conflict(base.substring(start, end), region(base, start, end, their),
                                           region(base, start, end, your)));
            }
        }
        if (!conflicts.isEmpty()) {
            return new Outcome(null, conflicts);
        }
        return new Outcome(apply(base, kept), List.of());
    }

    private static List<Change> changes(String base, String side, boolean theirs) {
        List<Change> changes = new ArrayList<>();
        List<WordDiff.Hunk> hunks = WordDiff.between(base, side, DiffBudget.ofOneText()).hunks();
        for (WordDiff.Hunk hunk : hunks) {
            int start = hunk.beforeStart();
            int end = hunk.beforeEnd();
            String replacement = side.substring(hunk.afterStart(), hunk.afterEnd());
            changes.add(new Change(start, end, replacement, theirs, slidLeft(base, start, end, replacement),
                                   slidRight(base, start, end, replacement)));
        }
        if (changes.size() > MAX_CHANGES) {
            WordDiff.Hunk first = hunks.get(0);
            WordDiff.Hunk last = hunks.get(hunks.size() - 1);
            return List.of(new Change(first.beforeStart(), last.beforeEnd(),
                                      side.substring(first.afterStart(), last.afterEnd()), theirs,
                                      changes.stream().mapToInt(Change::from).min().orElseThrow(),
                                      changes.stream().mapToInt(Change::to).max().orElseThrow()));
        }
        return changes;
    }

    /**
     * Where the footprint of a change begins: an insertion slides left while the character before it ends the
     * inserted run (which then turns), a deletion while the character before it ends the deleted run. Slid by
     * characters rather than words, it may reach a little further than by words: a larger footprint, never a
     * smaller one.
     */
    private static int slidLeft(String base, int start, int end, String replacement) {
        int from = start;
        if (start == end) {
            int length = replacement.length();
            for (int k = 1; from > 0 && base.charAt(from - 1) == replacement.charAt(Math.floorMod(length - k, length));
                 k++) {
                from--;
            }
        } else if (replacement.isEmpty()) {
            for (int s = start, e = end; s > 0 && base.charAt(s - 1) == base.charAt(e - 1); s--, e--) {
                from = s - 1;
            }
        }
        return from;
    }

    /** Where the footprint of a change ends: as {@link #slidLeft}, to the right. */
    private static int slidRight(String base, int start, int end, String replacement) {
        int to = end;
        if (start == end) {
            int length = replacement.length();
            for (int k = 0; to < base.length() && base.charAt(to) == replacement.charAt(k % length); k++) {
                to++;
            }
        } else if (replacement.isEmpty()) {
            for (int s = start, e = end; e < base.length() && base.charAt(s) == base.charAt(e); s++, e++) {
                to = e + 1;
            }
        }
        return to;
    }

    /** Whether {@code offset} falls between two of the text's words. */
    private static boolean wordBoundary(String text, int offset) {
        int position = 0;
        for (String word : WordTokens.of(text)) {
            if (position >= offset) {
                return position == offset;
            }
            position += word.length();
        }
        return position == offset;
    }

    /** Whether the two changes, each applied alone, give the same text (an insertion may be placed differently). */
    private static boolean sameResult(String base, Change one, Change other) {
        int start = Math.min(one.start(), other.start());
        int end = Math.max(one.end(), other.end());
        return region(base, start, end, one).equals(region(base, start, end, other));
    }

    private static String apply(String base, List<Change> changes) {
        StringBuilder text = new StringBuilder(base.length());
        int position = 0;
        for (Change change : changes) {
            text.append(base, position, change.start()).append(change.replacement());
            position = change.end();
        }
        return text.append(base, position, base.length()).toString();
    }

    /** Base's characters [start, end) with one side's change applied: that side's version of a conflicting region. */
    private static String region(String base, int start, int end, Change change) {
        return base.substring(start, change.start()) + change.replacement() + base.substring(change.end(), end);
    }
}
