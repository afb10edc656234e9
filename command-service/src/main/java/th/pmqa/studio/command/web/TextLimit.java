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
        if (value != null && value.length() > maxChars) {
            long codePoints = value.codePoints().count();
            if (codePoints > maxChars) {
                throw new TextTooLongException(field, codePoints, maxChars);
            }
        }
    }

    public int maxChars() {
        return maxChars;
    }
}
