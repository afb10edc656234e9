package th.pmqa.studio.query.model;

import th.pmqa.studio.text.DiffBudget;
import th.pmqa.studio.text.WordDiff;
import th.pmqa.studio.text.WordTokens;

import java.util.ArrayList;
import java.util.List;

/**
 * A word diff that works for Thai, as runs of equal, deleted and inserted text: joined back together, the runs give
 * exactly the before and after texts. Computed by {@link WordDiff}, whose cost is bounded: where it ran out of
 * budget a changed part is one delete and one insert of its changed lines, and the diff says it is coarse.
 */
public final class TextDiff {

    private TextDiff() {
    }

    public enum Op { EQUAL, DELETE, INSERT }

    /** One run of the diff; {@code text} is exact (no trimming). */
    public record Chunk(Op op, String text) {
    }

    /** The runs, and whether some changed part was not diffed word by word (out of budget). */
    public record Result(List<Chunk> chunks, boolean coarse) {
    }

    /** The runs of a diff on a budget of its own. */
    public static List<Chunk> diff(String before, String after) {
        return between(before, after, DiffBudget.ofOneText()).chunks();
    }

    /** The diff of two texts (null is ""), spending from {@code budget}. */
    public static Result between(String before, String after, DiffBudget budget) {
        String from = before == null ? "" : before;
        String to = after == null ? "" : after;
        WordDiff diff = WordDiff.between(from, to, budget);
        List<Chunk> chunks = new ArrayList<>(diff.hunks().size() * 3 + 1);
        int position = 0;
        for (WordDiff.Hunk hunk : diff.hunks()) {
            add(chunks, Op.EQUAL, from.substring(position, hunk.beforeStart()));
            add(chunks, Op.DELETE, from.substring(hunk.beforeStart(), hunk.beforeEnd()));
            add(chunks, Op.INSERT, to.substring(hunk.afterStart(), hunk.afterEnd()));
            position = hunk.beforeEnd();
        }
        add(chunks, Op.EQUAL, from.substring(position));
        return new Result(chunks, diff.coarse());
    }

    /** Word tokens on Thai/Latin word boundaries: {@link WordTokens}, shared with the command side's merge. */
    public static List<String> tokens(String text) {
        return WordTokens.of(text);
    }

    private static void add(List<Chunk> chunks, Op op, String text) {
        if (!text.isEmpty()) {
            chunks.add(new Chunk(op, text));
        }
    }
}
