package th.pmqa.studio.command.report;

import th.pmqa.studio.text.WordDiff;
import th.pmqa.studio.text.WordTokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The word-level half of {@link TextMerge}, for a block of lines both sides changed: each side's changes there, in
 * Thai words, kept where the other side left their surroundings alone. Reports repeat words and phrases, and a diff
 * may place an insertion anywhere along a repeated run ("…การ[X การ]…" or "…[การ X] การ…"); the run it could slide
 * along is its footprint. Changes of the two sides whose footprints overlap or touch clash (nothing between them was
 * left as it was, so no one can say the result reads as either meant), unless both made the very same change, or
 * one side's new words begin or end with the other's (then the longer is kept: it holds both).
 */
final class WordMerge {

    private WordMerge() {
    }

    /**
     * A change of base's characters [start, end) into {@code replacement}, by one side. {@code from} and {@code to}
     * bound its footprint: the positions it could equally sit at (an insertion or deletion slid along a repeated
     * run), {@code from <= start <= end <= to}.
     */
    record Change(int start, int end, String replacement, boolean theirs, int from, int to) {

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

    /** Two changes, one of each side, that could not both be kept: base [start, end) and the two versions of it. */
    record Clash(int start, int end, Change theirs, Change yours) {
    }

    /** One side's word change, with its footprint in base. */
    static Change of(String base, String side, WordDiff.Hunk hunk, boolean theirs) {
        int start = hunk.beforeStart();
        int end = hunk.beforeEnd();
        String replacement = side.substring(hunk.afterStart(), hunk.afterEnd());
        return new Change(start, end, replacement, theirs, slidLeft(base, start, end, replacement),
                          slidRight(base, start, end, replacement));
    }

    /**
     * One change from the first of {@code changes} to the last, for a side with too many changes to compare each
     * with each: the side's text between them as it is.
     */
    static Change spanning(List<Change> changes, String side, int sideStart, int sideEnd) {
        Change first = changes.get(0);
        Change last = changes.get(changes.size() - 1);
        return new Change(first.start(), last.end(), side.substring(sideStart, sideEnd), first.theirs(),
                          changes.stream().mapToInt(Change::from).min().orElseThrow(),
                          changes.stream().mapToInt(Change::to).max().orElseThrow());
    }

    /** Merges the changes both sides made in one block: what is kept goes to {@code kept}, the rest to clashes. */
    static void merge(String base, List<Change> theirs, List<Change> yours, List<Change> kept, List<Clash> clashes) {
        List<Change> changes = new ArrayList<>(theirs);
        changes.addAll(yours);
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));
        List<Change> here = new ArrayList<>();
        for (Change change : changes) {
            Change clash = here.stream().filter(k -> k.theirs() != change.theirs() && k.clashesWith(change))
                               .findFirst().orElse(null);
            if (clash == null) {
                here.add(change);
            } else if (sameResult(base, clash, change) || clash.includes(change)) {
                continue; // the same change on both sides is kept once
            } else if (change.includes(clash)) {
                here.set(here.indexOf(clash), change);
            } else {
                Change their = clash.theirs() ? clash : change;
                Change your = clash.theirs() ? change : clash;
                clashes.add(new Clash(Math.min(their.start(), your.start()), Math.max(their.end(), your.end()),
                                      their, your));
            }
        }
        kept.addAll(here);
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

    /** Base's characters [start, end) with one side's change applied: that side's version of a conflicting region. */
    static String region(String base, int start, int end, Change change) {
        return base.substring(start, change.start()) + change.replacement() + base.substring(change.end(), end);
    }
}
