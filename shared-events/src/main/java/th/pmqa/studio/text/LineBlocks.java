package th.pmqa.studio.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The line-level half of a three-way merge (a diff3 over lines): the runs of changed lines of both sides, each
 * side diffed against the same base, grouped into blocks of base lines. A block holds the runs of one side only
 * (take them as they are), or of both sides whose lines meet: the same line changed by both, overlapping runs, two
 * sets of lines added at the same place, or lines added or removed where a run of equal lines lets them slide onto
 * the other side's line ({@link LineDiff#footprint}). Changes of neighbouring lines do not meet: "different lines
 * never conflict" (issue 13), whereas a merge by words alone let a phrase repeated on both lines slide an edit across
 * the line break into the other writer's line.
 *
 * @param beforeStart where the block begins in base (characters)
 * @param beforeEnd   where it ends
 * @param theirs      the runs of the first side in it, in order
 * @param yours       the runs of the second side in it, in order
 */
public record LineBlocks(int beforeStart, int beforeEnd, List<LineDiff.Run> theirs, List<LineDiff.Run> yours) {

    public LineBlocks {
        theirs = List.copyOf(theirs);
        yours = List.copyOf(yours);
    }

    /** Whether both sides changed something in this block (then it needs a closer look than lines). */
    public boolean both() {
        return !theirs.isEmpty() && !yours.isEmpty();
    }

    private record Placed(LineDiff.Run run, boolean theirs, int from, int to) {
    }

    /** The blocks of two diffs of the same base, in base order; no two blocks' character ranges overlap. */
    public static List<LineBlocks> of(LineDiff theirs, LineDiff yours) {
        if (!theirs.before().equals(yours.before())) {
            throw new IllegalArgumentException("the two diffs start from different texts");
        }
        List<Placed> placed = new ArrayList<>();
        for (LineDiff.Run run : theirs.runs()) {
            int[] footprint = theirs.footprint(run);
            placed.add(new Placed(run, true, footprint[0], footprint[1]));
        }
        for (LineDiff.Run run : yours.runs()) {
            int[] footprint = yours.footprint(run);
            placed.add(new Placed(run, false, footprint[0], footprint[1]));
        }
        placed.sort(Comparator.comparingInt(Placed::from).thenComparingInt(Placed::to));
        List<LineBlocks> blocks = new ArrayList<>();
        List<Placed> current = new ArrayList<>();
        int reach = Integer.MIN_VALUE;
        for (Placed next : placed) {
            if (!current.isEmpty() && next.from() > reach) {
                blocks.add(block(current));
                current.clear();
            }
            current.add(next);
            reach = current.size() == 1 ? next.to() : Math.max(reach, next.to());
        }
        if (!current.isEmpty()) {
            blocks.add(block(current));
        }
        blocks.sort(Comparator.comparingInt(LineBlocks::beforeStart).thenComparingInt(LineBlocks::beforeEnd));
        return blocks;
    }

    private static LineBlocks block(List<Placed> placed) {
        List<LineDiff.Run> theirs = new ArrayList<>();
        List<LineDiff.Run> yours = new ArrayList<>();
        int start = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (Placed p : placed) {
            (p.theirs() ? theirs : yours).add(p.run());
            start = Math.min(start, p.run().beforeStart());
            end = Math.max(end, p.run().beforeEnd());
        }
        Comparator<LineDiff.Run> inOrder = Comparator.comparingInt(LineDiff.Run::beforeStart)
                                                     .thenComparingInt(LineDiff.Run::beforeEnd);
        theirs.sort(inOrder);
        yours.sort(inOrder);
        return new LineBlocks(start, end, theirs, yours);
    }
}
