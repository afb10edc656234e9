package th.pmqa.studio.command.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import th.pmqa.studio.text.WordTokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Three-way merge of one text: what the writer started from (base), what is stored now (theirs) and what the writer
 * sends (yours). Both sides are diffed against base in Thai word tokens ({@link WordTokens}), so edits in two
 * different places of one unspaced Thai sentence are two separate changes. Nothing is normalized: the merged text is
 * made of exact slices of the three.
 *
 * <p>A change is kept only where the other side left its surroundings alone. Reports repeat words and phrases, and a
 * diff may place an insertion anywhere along a repeated run ("…การ[X การ]…" or "…[การ X] การ…"); the run it could
 * slide along is its footprint. Changes of the two sides whose footprints overlap or touch are a conflict (nothing
 * between them was left as it was, so no one can say the result reads as either meant), unless both made the very
 * same change, or one side's new words begin or end with the other's (then the longer is kept: it holds both).
 */
final class TextMerge {

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
     * A change of base's tokens [start, end) into {@code replacement}, by one side. {@code from} and {@code to}
     * bound its footprint: the positions it could equally sit at (an insertion or deletion slid along a repeated
     * run), {@code from <= start <= end <= to}.
     */
    private record Change(int start, int end, List<String> replacement, boolean theirs, int from, int to) {

        /** Touching counts: with no untouched word between two changes, their merge would be a guess. */
        boolean clashesWith(Change other) {
            return from <= other.to && other.from <= to;
        }

        /**
         * Whether this change of the same words does all the other does and more: its new words begin or end with
         * the other's (both added the same sentence at the end, and one wrote on).
         */
        boolean includes(Change other) {
            if (start != other.start || end != other.end || replacement.size() <= other.replacement.size()) {
                return false;
            }
            int extra = replacement.size() - other.replacement.size();
            return replacement.subList(0, other.replacement.size()).equals(other.replacement)
                   || replacement.subList(extra, replacement.size()).equals(other.replacement);
        }
    }

    static Outcome merge(String base, String theirs, String yours) {
        if (theirs.equals(yours) || base.equals(yours)) {
            return new Outcome(theirs, List.of());
        }
        if (base.equals(theirs)) {
            return new Outcome(yours, List.of());
        }
        List<String> baseTokens = WordTokens.of(base);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(baseTokens, WordTokens.of(theirs), true));
        changes.addAll(changes(baseTokens, WordTokens.of(yours), false));
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));

        List<Conflict> conflicts = new ArrayList<>();
        List<Change> kept = new ArrayList<>();
        for (Change change : changes) {
            Change clash = kept.stream().filter(k -> k.theirs() != change.theirs() && k.clashesWith(change))
                               .findFirst().orElse(null);
            if (clash == null) {
                kept.add(change);
            } else if (sameResult(baseTokens, clash, change) || clash.includes(change)) {
                continue; // the same change on both sides is kept once
            } else if (change.includes(clash)) {
                kept.set(kept.indexOf(clash), change);
            } else {
                Change their = clash.theirs() ? clash : change;
                Change your = clash.theirs() ? change : clash;
                int start = Math.min(their.start(), your.start());
                int end = Math.max(their.end(), your.end());
                conflicts.add(new Conflict(String.join("", baseTokens.subList(start, end)),
                                           region(baseTokens, start, end, their),
                                           region(baseTokens, start, end, your)));
            }
        }
        if (!conflicts.isEmpty()) {
            return new Outcome(null, conflicts);
        }
        return new Outcome(apply(baseTokens, kept), List.of());
    }

    private static List<Change> changes(List<String> base, List<String> side, boolean theirs) {
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(base, side).getDeltas()) {
            int start = delta.getSource().getPosition();
            int end = start + delta.getSource().size();
            List<String> replacement = List.copyOf(delta.getTarget().getLines());
            int from = start;
            int to = end;
            if (start == end) {
                // an insertion slides left while the word before it ends the inserted run, right while the word
                // after it begins it
                List<String> block = new ArrayList<>(replacement);
                while (from > 0 && base.get(from - 1).equals(block.get(block.size() - 1))) {
                    block.add(0, block.remove(block.size() - 1));
                    from--;
                }
                block = new ArrayList<>(replacement);
                while (to < base.size() && base.get(to).equals(block.get(0))) {
                    block.add(block.remove(0));
                    to++;
                }
            } else if (replacement.isEmpty()) {
                // a deletion slides while the word beside it equals the deleted word at the other end
                for (int s = start, e = end; s > 0 && base.get(s - 1).equals(base.get(e - 1)); s--, e--) {
                    from = s - 1;
                }
                for (int s = start, e = end; e < base.size() && base.get(s).equals(base.get(e)); s++, e++) {
                    to = e + 1;
                }
            }
            changes.add(new Change(start, end, replacement, theirs, from, to));
        }
        return changes;
    }

    /** Whether the two changes, each applied alone, give the same text (an insertion may be placed differently). */
    private static boolean sameResult(List<String> base, Change one, Change other) {
        return apply(base, List.of(one)).equals(apply(base, List.of(other)));
    }

    private static String apply(List<String> base, List<Change> changes) {
        StringBuilder text = new StringBuilder();
        int position = 0;
        for (Change change : changes) {
            text.append(String.join("", base.subList(position, change.start())));
            change.replacement().forEach(text::append);
            position = change.end();
        }
        text.append(String.join("", base.subList(position, base.size())));
        return text.toString();
    }

    /** Base's tokens [start, end) with one side's change applied: that side's version of a conflicting region. */
    private static String region(List<String> base, int start, int end, Change change) {
        return String.join("", base.subList(start, change.start())) + String.join("", change.replacement())
               + String.join("", base.subList(change.end(), end));
    }
}
