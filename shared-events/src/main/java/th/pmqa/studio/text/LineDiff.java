package th.pmqa.studio.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The first half of a {@link WordDiff}: which runs of lines differ between two texts, found on a {@link DiffBudget}
 * (common first and last lines cut off, then a bounded Myers over lines; where it gives up, one coarse run over the
 * whole middle). Each run can then be diffed word by word ({@link #words}). The three-way merge reads the runs of
 * both sides first ({@link LineBlocks}) so that it splits into words only the lines both sides changed.
 */
public final class LineDiff {

    /**
     * Lines {@code [beforeFrom, beforeTo)} of before became lines {@code [afterFrom, afterTo)} of after; the same as
     * character ranges. Coarse: the line search gave up, so the run may hold equal lines too.
     */
    public record Run(int beforeFrom, int beforeTo, int afterFrom, int afterTo, int beforeStart, int beforeEnd,
                      int afterStart, int afterEnd, boolean coarse) {

        /** Lines only added or only removed. */
        public boolean whole() {
            return beforeFrom == beforeTo || afterFrom == afterTo;
        }
    }

    private final String before;
    private final String after;
    private final Pieces a;
    private final Pieces b;
    private final Interned ids;
    private final DiffBudget budget;
    private final List<Run> runs;

    private LineDiff(String before, String after, DiffBudget budget) {
        this.before = before;
        this.after = after;
        this.budget = budget;
        if (before.equals(after)) {
            a = b = Pieces.lines("");
            ids = new Interned(new int[0], new int[0]);
            runs = List.of();
            return;
        }
        a = Pieces.lines(before);
        b = Pieces.lines(after);
        ids = Interned.of(a, b);
        int[] range = Interned.trimmed(ids.a(), 0, ids.a().length, ids.b(), 0, ids.b().length);
        List<Run> found = new ArrayList<>();
        for (int[] lines : changedRuns(range)) {
            found.add(new Run(lines[0], lines[1], lines[2], lines[3], a.start(lines[0]), a.start(lines[1]),
                              b.start(lines[2]), b.start(lines[3]), lines[4] == 1));
        }
        runs = List.copyOf(found);
    }

    /** The runs of lines that differ, spending from {@code budget} (which the word diffs of the runs share). */
    public static LineDiff between(String before, String after, DiffBudget budget) {
        return new LineDiff(before, after, budget);
    }

    public List<Run> runs() {
        return runs;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }

    /**
     * The runs of lines that differ, as {@code {aStart, aEnd, bStart, bEnd, coarse}} in line indexes; one coarse run
     * over the whole trimmed middle when the line search gave up.
     */
    private List<int[]> changedRuns(int[] range) {
        if (range[0] == range[1] || range[2] == range[3] || ids.disjoint(range)) {
            return List.of(new int[] {range[0], range[1], range[2], range[3], 0});
        }
        List<int[]> found = BoundedMyers.diff(ids.a(), range[0], range[1], ids.b(), range[2], range[3], budget);
        if (found == null) {
            return List.of(new int[] {range[0], range[1], range[2], range[3], 1});
        }
        return found.stream().map(r -> new int[] {r[0], r[1], r[2], r[3], 0}).toList();
    }

    /**
     * The word diff of one run: its hunks, on the budget left; the run as one hunk when its lines were only added
     * or removed (exact as it is), or, marked coarse, when it could not be split into words and diffed.
     */
    public List<WordDiff.Hunk> words(Run run) {
        List<WordDiff.Hunk> hunks = new ArrayList<>();
        boolean whole = run.whole();
        if (whole || run.coarse() || !budget.takeTokenizing((run.beforeEnd() - run.beforeStart())
                                                            + (run.afterEnd() - run.afterStart()))) {
            hunks.add(new WordDiff.Hunk(run.beforeStart(), run.beforeEnd(), run.afterStart(), run.afterEnd(), !whole));
            return hunks;
        }
        Pieces wa = Pieces.words(before, run.beforeStart(), run.beforeEnd());
        Pieces wb = Pieces.words(after, run.afterStart(), run.afterEnd());
        Interned words = Interned.of(wa, wb);
        int[] range = Interned.trimmed(words.a(), 0, words.a().length, words.b(), 0, words.b().length);
        List<int[]> changed;
        boolean coarse = false;
        if (range[0] == range[1] || range[2] == range[3] || words.disjoint(range)) {
            changed = List.of(range); // nothing in common left: replacing all of it is the exact diff
        } else {
            changed = BoundedMyers.diff(words.a(), range[0], range[1], words.b(), range[2], range[3], budget);
            if (changed == null) {
                changed = List.of(range);
                coarse = true;
            }
        }
        for (int[] c : changed) {
            if (c[0] != c[1] || c[2] != c[3]) {
                hunks.add(new WordDiff.Hunk(wa.start(c[0]), wa.start(c[1]), wb.start(c[2]), wb.start(c[3]), coarse));
            }
        }
        return hunks;
    }

    /**
     * Where else in before a run could equally sit: a run of lines only added or only removed may slide along
     * equal lines around it ("A ¶ ¶ B" with a blank line added: after A or after the first blank). In doubled
     * line coordinates: {@code 2i} is the place before line {@code i}, {@code 2i + 1} line {@code i} itself, so a
     * change of line 3 is {@code [7, 7]} and a line added between lines 3 and 4 is {@code [8, 8]}: two changes
     * clash exactly when these intervals meet. Sliding is paid from the budget; out of it, the footprint is all of
     * before (larger, never smaller: it only makes a clash likelier).
     */
    int[] footprint(Run run) {
        int n = ids.a().length;
        int s = run.beforeFrom();
        int e = run.beforeTo();
        if (!run.whole() || run.coarse()) {
            return new int[] {2 * s + 1, 2 * e - 1};
        }
        int[] x = ids.a();
        long allowed = budget.remaining();
        long steps = 0;
        int from;
        int to;
        if (s == e) { // lines added: slide while the line next to them ends (or begins) the added lines
            int[] y = ids.b();
            int first = run.afterFrom();
            int m = run.afterTo() - first;
            from = s;
            for (int k = 1; from > 0 && steps < allowed && x[from - 1] == y[first + Math.floorMod(m - k, m)];
                 k++, steps++) {
                from--;
            }
            to = s;
            for (int k = 0; to < n && steps < allowed && x[to] == y[first + k % m]; k++, steps++) {
                to++;
            }
            from = 2 * from;
            to = 2 * to;
        } else { // lines removed: slide while the line before (after) the removed ones equals their last (first)
            int i = s;
            for (int j = e; i > 0 && steps < allowed && x[i - 1] == x[j - 1]; i--, j--) {
                steps++;
            }
            from = 2 * i + 1;
            int j = e;
            for (int k = s; j < n && steps < allowed && x[k] == x[j]; k++, j++) {
                steps++;
            }
            to = 2 * j - 1;
        }
        if (steps >= allowed || !budget.take(steps)) {
            budget.take(Long.MAX_VALUE); // spent: the diffs sharing this budget fall back alike
            return new int[] {0, 2 * n};
        }
        return new int[] {from, to};
    }
}
