package th.pmqa.studio.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import th.pmqa.studio.command.rejection.TextTooLongException;

/**
 * Caps free text before it reaches the event store. Counted in code points, so that a Thai character with its
 * combining vowel and tone marks counts as the characters a writer typed, and an emoji outside the BMP as one.
 */
@Component
public class TextLimit {

    private final int maxChars;

    public TextLimit(@Value("${studio.text.max-chars:50000}") int maxChars) {
        this.maxChars = maxChars;
    }

    public void check(String field, String value) {
        if (value == null) {
            return;
        }
        checkCharacters(field, value);
        if (value.length() > maxChars) {
            long codePoints = value.codePoints().count();
            if (codePoints > maxChars) {
                throw new TextTooLongException(field, codePoints, maxChars);
            }
        }
    }

    /**
     * Refuses what no writer types and what cannot be stored as UTF-8 unchanged: NUL, and a surrogate without its
     * pair (JSON can spell both as escapes). Everything else, Thai combining marks, Thai digits, emoji and
     * zero-width joiners included, is kept exactly as sent.
     */
    static void checkCharacters(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new th.pmqa.studio.command.rejection.InvalidInputException(field,
                        field + " contains a NUL character (at " + i + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new th.pmqa.studio.command.rejection.InvalidInputException(field,
                        field + " contains half of a UTF-16 surrogate pair (at " + i + "), which is no character");
            }
        }
    }

    public int maxChars() {
        return maxChars;
    }
}
