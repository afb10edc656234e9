package th.pmqa.studio.command.evidence;

import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FormPartEvent;
import th.pmqa.studio.command.rejection.InvalidInputException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The text of an upload form's field (title, place, resultId), held to strict UTF-8. Spring's part reader decodes a
 * field leniently, in the charset its part declares, each malformed byte becoming U+FFFD, and keeps no raw bytes. So
 * a field is refused when it declares a charset other than UTF-8 (or its subset US-ASCII), or holds U+FFFD: that is
 * what malformed bytes decode to, and no text of a report needs the character itself.
 */
final class FormFieldText {

    private static final char REPLACEMENT = '\uFFFD';

    private FormFieldText() {
    }

    /** @throws InvalidInputException naming the field, for a field that was not well-formed UTF-8 */
    static String of(FormPartEvent field) {
        MediaType type = field.headers().getContentType();
        Charset charset = type == null ? null : type.getCharset();
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            throw new InvalidInputException(field.name(), field.name() + " must be UTF-8 text, not " + charset.name());
        }
        String value = field.value();
        int malformed = value.indexOf(REPLACEMENT);
        if (malformed >= 0) {
            throw new InvalidInputException(field.name(), field.name() + " is not well-formed UTF-8 (at character "
                                                          + malformed + ": malformed bytes, or U+FFFD)");
        }
        return value;
    }
}
