package th.pmqa.studio.command.report;

import th.pmqa.studio.command.report.WordMerge.Change;
import th.pmqa.studio.command.report.WordMerge.Clash;
import th.pmqa.studio.text.DiffBudget;
import th.pmqa.studio.text.LineBlocks;
import th.pmqa.studio.text.LineDiff;
import th.pmqa.studio.text.WordDiff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Three-way merge of one text: what the writer started from (base), what is stored now (theirs) and what the writer
 * sends (yours). Line by line first ({@link LineBlocks}, a diff3 over lines): a line only one side changed, lines
 * only one side added or removed, and the same change made on both sides merge as they are, so two people editing
 * different lines (paragraphs) never conflict, whatever the words (issue 13). Only where both changed the same
 * lines, or lines that meet, are those lines diffed in Thai words and merged word by word ({@link WordMerge}), so
 * that edits in two different places of one unspaced Thai sentence are two separate changes too; where those
 * clash, nothing is merged and the conflicts name the three versions of each clashing place. Nothing is normalized:
 * the merged text is made of exact slices of the three.
 *
 * <p>The cost is bounded (issue 11: a stale edit of a 50,000-character text took ~40 s). Each side's diff runs on a
 * {@link DiffBudget} of one text, and only the lines both changed are split into words. Where a diff runs out of its
 * budget, its change is a whole run of changed lines (or everything between the common first and last lines): a
 * larger footprint, so it merges only with edits elsewhere and otherwise is a conflict. Nothing is lost either way.
 * A side with more than {@value #MAX_CHANGES} separate word changes counts as one change per block.
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

    static Outcome merge(String base, String theirs, String yours) {
        if (theirs.equals(yours) || base.equals(yours)) {
            return new Outcome(theirs, List.of());
        }
        if (base.equals(theirs)) {
            return new Outcome(yours, List.of());
        }
        FinalLineBreak ends = FinalLineBreak.of(base, theirs, yours);
        return merge(ends.completed(base), ends.completed(theirs), ends.completed(yours), ends);
    }

    private static Outcome merge(String base, String theirs, String yours, FinalLineBreak ends) {
        LineDiff theirLines = LineDiff.between(base, theirs, DiffBudget.ofOneText());
        LineDiff yourLines = LineDiff.between(base, yours, DiffBudget.ofOneText());
        List<LineBlocks> blocks = LineBlocks.of(theirLines, yourLines);
        List<List<Change>> kept = new ArrayList<>(); // per block, applied in the blocks' order
        List<LineBlocks> both = new ArrayList<>();
        List<Integer> bothAt = new ArrayList<>();
        for (LineBlocks block : blocks) {
            List<Change> here = new ArrayList<>();
            kept.add(here);
            if (!block.both()) {
                boolean isTheirs = !block.theirs().isEmpty();
                for (LineDiff.Run run : isTheirs ? block.theirs() : block.yours()) {
                    here.add(whole(run, isTheirs ? theirs : yours, isTheirs));
                }
                continue;
            }
            String their = version(base, theirs, block, block.theirs());
            if (their.equals(version(base, yours, block, block.yours()))) {
                here.add(new Change(block.beforeStart(), block.beforeEnd(), their, true, block.beforeStart(),
                                    block.beforeEnd()));
            } else {
                both.add(block);
                bothAt.add(kept.size() - 1);
            }
        }
        List<List<Change>> theirWords = words(base, theirLines, both, true);
        List<List<Change>> yourWords = words(base, yourLines, both, false);
        List<Clash> clashes = new ArrayList<>();
        for (int i = 0; i < both.size(); i++) {
            List<Change> here = kept.get(bothAt.get(i));
            WordMerge.merge(base, theirWords.get(i), yourWords.get(i), here, clashes);
            here.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));
        }
        if (!clashes.isEmpty()) {
            return new Outcome(null, clashes.stream().map(clash -> conflict(base, clash, ends)).toList());
        }
        return new Outcome(ends.restored(apply(base, kept.stream().flatMap(List::stream).toList())), List.of());
    }

    /** A run of lines changed by one side alone: taken as that side wrote it. */
    private static Change whole(LineDiff.Run run, String side, boolean theirs) {
        return new Change(run.beforeStart(), run.beforeEnd(), side.substring(run.afterStart(), run.afterEnd()),
                          theirs, run.beforeStart(), run.beforeEnd());
    }

    /** One side's version of a block: base's lines there with that side's runs applied. */
    private static String version(String base, String side, LineBlocks block, List<LineDiff.Run> runs) {
        StringBuilder text = new StringBuilder();
        int position = block.beforeStart();
        for (LineDiff.Run run : runs) {
            text.append(base, position, run.beforeStart()).append(side, run.afterStart(), run.afterEnd());
            position = run.beforeEnd();
        }
        return text.append(base, position, block.beforeEnd()).toString();
    }

    /**
     * One side's word changes in each block both changed. If they are more than {@link #MAX_CHANGES} in all, each
     * block's count as one, from its first to its last: comparing each with each would cost more than it is worth.
     */
    private static List<List<Change>> words(String base, LineDiff lines, List<LineBlocks> blocks, boolean theirs) {
        List<List<Change>> changes = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int count = 0;
        for (LineBlocks block : blocks) {
            List<WordDiff.Hunk> hunks = new ArrayList<>();
            for (LineDiff.Run run : theirs ? block.theirs() : block.yours()) {
                hunks.addAll(lines.words(run));
            }
            changes.add(hunks.stream().map(hunk -> WordMerge.of(base, lines.after(), hunk, theirs)).toList());
            spans.add(new int[] {hunks.get(0).afterStart(), hunks.get(hunks.size() - 1).afterEnd()});
            count += hunks.size();
        }
        if (count > MAX_CHANGES) {
            for (int i = 0; i < changes.size(); i++) {
                changes.set(i, List.of(WordMerge.spanning(changes.get(i), lines.after(), spans.get(i)[0],
                                                          spans.get(i)[1])));
            }
        }
        return changes;
    }

    /** A clash as the conflict the writer is shown: at the very end of the texts, without the break added. */
    private static Conflict conflict(String base, Clash clash, FinalLineBreak ends) {
        String b = base.substring(clash.start(), clash.end());
        String t = WordMerge.region(base, clash.start(), clash.end(), clash.theirs());
        String y = WordMerge.region(base, clash.start(), clash.end(), clash.yours());
        if (clash.end() == base.length()) {
            return new Conflict(ends.cut(b), ends.cut(t), ends.cut(y));
        }
        return new Conflict(b, t, y);
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
}
