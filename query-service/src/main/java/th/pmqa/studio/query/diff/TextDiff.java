package th.pmqa.studio.query.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import th.pmqa.studio.text.WordTokens;

import java.util.ArrayList;
import java.util.List;

/**
 * A word diff that works for Thai, on {@link WordTokens}: joined back together, the ops give exactly the before
 * and after texts.
 */
public final class TextDiff {

    private TextDiff() {
    }

    public enum Op { EQUAL, DELETE, INSERT }

    /** One run of the diff; {@code text} is exact (no trimming). */
    public record Chunk(Op op, String text) {
    }

    public static List<Chunk> diff(String before, String after) {
        List<String> from = tokens(before == null ? "" : before);
        List<String> to = tokens(after == null ? "" : after);
        Patch<String> patch = DiffUtils.diff(from, to);
        List<Chunk> chunks = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(chunks, Op.EQUAL, from.subList(position, start));
            add(chunks, Op.DELETE, delta.getSource().getLines());
            add(chunks, Op.INSERT, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(chunks, Op.EQUAL, from.subList(position, from.size()));
        return chunks;
    }

    /** Word tokens on Thai/Latin word boundaries: {@link WordTokens}, shared with the command side's merge. */
    public static List<String> tokens(String text) {
        return WordTokens.of(text);
    }

    private static void add(List<Chunk> chunks, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!chunks.isEmpty() && chunks.get(chunks.size() - 1).op() == op) {
            Chunk last = chunks.remove(chunks.size() - 1);
            text = last.text() + text;
        }
        chunks.add(new Chunk(op, text));
    }
}
