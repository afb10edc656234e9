package th.pmqa.studio.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        if (!before.equals(after)) {
            Pieces a = Pieces.lines(before);
            Pieces b = Pieces.lines(after);
            Interned ids = Interned.of(a, b);
            int[] range = trimmed(ids.a, 0, ids.a.length, ids.b, 0, ids.b.length);
            for (int[] lines : changedRuns(ids, range, budget)) {
                words(before, after, a, b, lines, budget, hunks);
            }
        }
        return new WordDiff(joined(hunks), hunks.stream().anyMatch(Hunk::coarse));
    }

    /**
     * The runs of lines that differ, as {@code {aStart, aEnd, bStart, bEnd, coarse}} in line indexes; one coarse run
     * over the whole trimmed middle when the line search gave up.
     */
    private static List<int[]> changedRuns(Interned ids, int[] range, DiffBudget budget) {
        if (range[0] == range[1] || range[2] == range[3] || ids.disjoint(range)) {
            return List.of(new int[] {range[0], range[1], range[2], range[3], 0});
        }
        List<int[]> runs = BoundedMyers.diff(ids.a, range[0], range[1], ids.b, range[2], range[3], budget);
        if (runs == null) {
            return List.of(new int[] {range[0], range[1], range[2], range[3], 1});
        }
        return runs.stream().map(r -> new int[] {r[0], r[1], r[2], r[3], 0}).toList();
    }

    /** The word diff of one run of changed lines, added to {@code hunks}; the run as a whole if out of budget. */
    private static void words(String before, String after, Pieces a, Pieces b, int[] run, DiffBudget budget,
                              List<Hunk> hunks) {
        int beforeStart = a.start(run[0]);
        int beforeEnd = a.start(run[1]);
        int afterStart = b.start(run[2]);
        int afterEnd = b.start(run[3]);
        boolean whole = run[0] == run[1] || run[2] == run[3]; // lines only added or only removed: exact as it is
        if (whole || run[4] == 1 || !budget.takeTokenizing((beforeEnd - beforeStart) + (afterEnd - afterStart))) {
            hunks.add(new Hunk(beforeStart, beforeEnd, afterStart, afterEnd, !whole));
            return;
        }
        Pieces wa = Pieces.words(before, beforeStart, beforeEnd);
        Pieces wb = Pieces.words(after, afterStart, afterEnd);
        Interned ids = Interned.of(wa, wb);
        int[] range = trimmed(ids.a, 0, ids.a.length, ids.b, 0, ids.b.length);
        List<int[]> changed;
        boolean coarse = false;
        if (range[0] == range[1] || range[2] == range[3] || ids.disjoint(range)) {
            changed = List.of(range); // nothing in common left: replacing all of it is the exact diff
        } else {
            changed = BoundedMyers.diff(ids.a, range[0], range[1], ids.b, range[2], range[3], budget);
            if (changed == null) {
                changed = List.of(range);
                coarse = true;
            }
        }
        for (int[] c : changed) {
            if (c[0] != c[1] || c[2] != c[3]) {
                hunks.add(new Hunk(wa.start(c[0]), wa.start(c[1]), wb.start(c[2]), wb.start(c[3]), coarse));
            }
        }
    }

    /** {@code {aStart, aEnd, bStart, bEnd}}: the ranges left once the ids both begin and end with are cut off. */
    private static int[] trimmed(int[] a, int aStart, int aEnd, int[] b, int bStart, int bEnd) {
        while (aStart < aEnd && bStart < bEnd && a[aStart] == b[bStart]) {
            aStart++;
            bStart++;
        }
        while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] == b[bEnd - 1]) {
            aEnd--;
            bEnd--;
        }
        return new int[] {aStart, aEnd, bStart, bEnd};
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

    /** A text cut into consecutive pieces (lines or words): piece i is {@code [start(i), start(i + 1))}. */
    private record Pieces(List<String> texts, int[] starts) {

        int start(int piece) {
            return starts[piece];
        }

        /** Lines with their line feed; a last line without one is a line too. */
        static Pieces lines(String text) {
            List<String> lines = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int feed = text.indexOf('\n', start);
                int end = feed < 0 ? text.length() : feed + 1;
                lines.add(text.substring(start, end));
                starts.add(start);
                start = end;
            }
            starts.add(text.length());
            return new Pieces(lines, starts.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The words of {@code text[from, to)}, with their offsets in the whole text. */
        static Pieces words(String text, int from, int to) {
            List<String> words = WordTokens.of(text.substring(from, to));
            int[] starts = new int[words.size() + 1];
            int offset = from;
            for (int i = 0; i < words.size(); i++) {
                starts[i] = offset;
                offset += words.get(i).length();
            }
            starts[words.size()] = offset;
            return new Pieces(words, starts);
        }
    }

    /** Both sides' pieces as ids, equal pieces equal ids, so the search compares ints. */
    private record Interned(int[] a, int[] b) {

        static Interned of(Pieces a, Pieces b) {
            Map<String, Integer> ids = new HashMap<>();
            return new Interned(ids(a.texts(), ids), ids(b.texts(), ids));
        }

        private static int[] ids(List<String> pieces, Map<String, Integer> ids) {
            int[] out = new int[pieces.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ids.computeIfAbsent(pieces.get(i), k -> ids.size());
            }
            return out;
        }

        /** Whether the two ranges {@code {aStart, aEnd, bStart, bEnd}} have no piece in common. */
        boolean disjoint(int[] range) {
            Set<Integer> seen = new HashSet<>();
            for (int i = range[0]; i < range[1]; i++) {
                seen.add(a[i]);
            }
            for (int i = range[2]; i < range[3]; i++) {
                if (seen.contains(b[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
