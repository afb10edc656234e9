package th.pmqa.studio.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A word diff of two texts whose cost is bounded whatever they hold; the history's diffs and the three-way merge of
 * concurrent edits both use it. Common leading and trailing lines are cut off first, the rest is diffed line by
 * line, and only the lines that changed are split into Thai words ({@link WordTokens}) and diffed word by word.
 * Each search runs on a {@link DiffBudget}; where it runs out, the diff falls back to something coarser but still
 * exact: a changed run of lines replaced as a whole (less the words it begins and ends with in common), or, if even
 * the lines could not be diffed, everything between the common leading and trailing lines. Such a hunk is marked
 * {@link Hunk#coarse()}.
 *
 * <p>Hunks are character ranges of the two texts, on word or line boundaries: between them the texts are equal,
 * and the pieces joined back give exactly both texts (nothing is normalized, no surrogate pair or word is split).
 *
 * @param hunks  the changed places, in order, never adjacent to each other
 * @param coarse whether any hunk is coarse
 */
public record WordDiff(List<Hunk> hunks, boolean coarse) {

    /**
     * {@code before[beforeStart, beforeEnd)} became {@code after[afterStart, afterEnd)}. Coarse: the range was
     * not diffed word by word (the budget ran out), so parts of it may be equal on both sides.
     */
    public record Hunk(int beforeStart, int beforeEnd, int afterStart, int afterEnd, boolean coarse) {
    }

    public WordDiff {
        hunks = List.copyOf(hunks);
    }

    /** The diff of two texts on a budget of its own ({@link DiffBudget#ofOneText()}). */
    public static WordDiff between(String before, String after) {
        return between(before, after, DiffBudget.ofOneText());
    }

    /** The diff of two texts, spending from {@code budget} (which may be shared with other diffs). */
    public static WordDiff between(String before, String after, DiffBudget budget) {
        List<Hunk> hunks = new ArrayList<>();
        LineDiff lines = LineDiff.between(before, after, budget);
        for (LineDiff.Run run : lines.runs()) {
            hunks.addAll(lines.words(run));
        }
        return new WordDiff(joined(hunks), hunks.stream().anyMatch(Hunk::coarse));
    }

    /** Hunks that touch (a line run's last word change and the next run's first) become one. */
    private static List<Hunk> joined(List<Hunk> hunks) {
        List<Hunk> joined = new ArrayList<>(hunks.size());
        for (Hunk hunk : hunks) {
            Hunk last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.beforeEnd() == hunk.beforeStart() && last.afterEnd() == hunk.afterStart()) {
                joined.set(joined.size() - 1, new Hunk(last.beforeStart(), hunk.beforeEnd(), last.afterStart(),
                                                       hunk.afterEnd(), last.coarse() || hunk.coarse()));
            } else {
                joined.add(hunk);
            }
        }
        return joined;
    }
}
