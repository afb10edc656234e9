package th.pmqa.studio.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Both sides' pieces as ids, equal pieces equal ids, so the search compares ints. */
record Interned(int[] a, int[] b) {

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

    /** {@code {aStart, aEnd, bStart, bEnd}}: the ranges left once the ids both begin and end with are cut off. */
    static int[] trimmed(int[] a, int aStart, int aEnd, int[] b, int bStart, int bEnd) {
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
}
