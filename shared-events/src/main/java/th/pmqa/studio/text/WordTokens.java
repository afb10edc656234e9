package th.pmqa.studio.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words the way a Thai reader sees them, for diffs and merges. Thai writes no spaces between
 * words, so splitting on spaces would make a one-word edit look like a whole-sentence change; the JDK's
 * dictionary-based Thai word {@link BreakIterator} finds the boundaries instead, and every space or punctuation run
 * is a token of its own. Tokens are never normalized: joined together they give back exactly the text.
 */
public final class WordTokens {

    private static final Locale THAI = Locale.forLanguageTag("th-TH");

    private WordTokens() {
    }

    /** Word tokens on Thai/Latin word boundaries; surrogate pairs, combining marks and emoji sequences stay whole. */
    public static List<String> of(String text) {
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
}
