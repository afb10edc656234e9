package th.pmqa.studio.query.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word diff that works for Thai. Thai writes no spaces between words, so splitting on spaces would turn a
 * one-word edit into a whole-sentence change; tokens come from the JDK's dictionary-based Thai word
 * {@link BreakIterator} instead, and every space or punctuation run is a token of its own. Tokens are never
 * normalized: joined back together, the ops give exactly the before and after texts.
 */
public final class TextDiff {

    private static final Locale THAI = Locale.forLanguageTag("th-TH");

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

    /** Word tokens on Thai/Latin word boundaries; surrogate pairs and combining marks are never split. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        BreakIterator words = BreakIterator.getWordInstance(THAI);
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            String token = text.substring(start, end);
            // The JDK breaks an emoji ZWJ sequence after the joiner; a joined sequence is one picture, one token.
            if (!tokens.isEmpty() && (endsWithJoiner(tokens.get(tokens.size() - 1)) || startsAsExtension(token))) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + token);
            } else {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static boolean endsWithJoiner(String token) {
        return token.endsWith("\u200D");
    }

    /** A joiner, a variation selector or a skin-tone modifier belongs to the character before it. */
    private static boolean startsAsExtension(String token) {
        int first = token.codePointAt(0);
        return first == 0x200D || first == 0xFE0F || first == 0xFE0E || (first >= 0x1F3FB && first <= 0x1F3FF)
               || Character.getType(first) == Character.NON_SPACING_MARK
               || Character.getType(first) == Character.ENCLOSING_MARK;
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
