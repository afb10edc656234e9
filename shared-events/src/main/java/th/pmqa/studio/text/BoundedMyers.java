package th.pmqa.studio.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Myers' greedy O((N+M)·D) shortest edit script on two ranges of ids, which gives up instead of running long: when
 * the edit distance D would exceed {@link #MAX_EDIT_DISTANCE} or the budget runs out. Without such a cap two
 * unrelated texts of 50,000 words cost billions of steps (issue 11: ~40 s for one merge).
 */
final class BoundedMyers {

    /**
     * The most insertions plus deletions one search looks for. Also bounds its memory: the search keeps
     * (D+1)(D+2)/2 positions to trace the script back.
     */
    static final int MAX_EDIT_DISTANCE = 2_000;

    private BoundedMyers() {
    }

    /**
     * The edits turning {@code a[aFrom, aTo)} into {@code b[bFrom, bTo)}, as hunks {@code {aStart, aEnd, bStart, bEnd}}
     * in the arrays' own indexes, in order, each between two runs of equal ids; null when the cap or the budget was
     * reached first.
     */
    static List<int[]> diff(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, DiffBudget budget) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        int limit = Math.min(n + m, MAX_EDIT_DISTANCE);
        if (Math.abs(n - m) > limit) {
            return null; // every script needs at least |n - m| edits
        }
        int offset = limit + 1;
        int[] v = new int[2 * limit + 3];
        int[][] trace = new int[limit + 1][];
        for (int d = 0; d <= limit; d++) {
            if (!budget.take(d + 1)) {
                return null;
            }
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                int start = x;
                while (x < n && y < m && a[aFrom + x] == b[bFrom + y]) {
                    x++;
                    y++;
                }
                if (!budget.take(x - start)) {
                    return null;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, d, n, m, aFrom, bFrom);
                }
            }
            int[] row = new int[d + 1];
            for (int k = -d, i = 0; k <= d; k += 2, i++) {
                row[i] = v[offset + k];
            }
            trace[d] = row;
        }
        return null;
    }

    /** The furthest x reached on diagonal {@code k} after {@code d} edits. */
    private static int furthest(int[][] trace, int d, int k) {
        return trace[d][(k + d) / 2];
    }

    private static List<int[]> backtrack(int[][] trace, int distance, int n, int m, int aFrom, int bFrom) {
        List<int[]> steps = new ArrayList<>(distance);
        int x = n;
        int y = m;
        for (int d = distance; d > 0; d--) {
            int k = x - y;
            boolean down = k == -d || (k != d && furthest(trace, d - 1, k - 1) < furthest(trace, d - 1, k + 1));
            int previousK = down ? k + 1 : k - 1;
            int previousX = furthest(trace, d - 1, previousK);
            int previousY = previousX - previousK;
            // down: b[previousY] inserted before a[previousX]; right: a[previousX] deleted
            steps.add(down ? new int[] {previousX, previousX, previousY, previousY + 1}
                           : new int[] {previousX, previousX + 1, previousY, previousY});
            x = previousX;
            y = previousY;
        }
        List<int[]> hunks = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            int[] step = steps.get(i);
            int[] last = hunks.isEmpty() ? null : hunks.get(hunks.size() - 1);
            if (last != null && last[1] == aFrom + step[0] && last[3] == bFrom + step[2]) {
                last[1] = aFrom + step[1];
                last[3] = bFrom + step[3];
            } else {
                hunks.add(new int[] {aFrom + step[0], aFrom + step[1], bFrom + step[2], bFrom + step[3]});
            }
        }
        return hunks;
    }
}
