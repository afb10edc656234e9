package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.RejectedCommandException;
import th.pmqa.studio.command.rejection.RejectionKind;

import java.util.HashMap;
import java.util.Map;

/**
 * How much free text an assessment's report holds, so that it stays a document MongoDB can store. The read side
 * keeps the whole report of an assessment in one document (MongoDB's limit: 16 MB) and a command node snapshots the
 * aggregate with the texts' recent revisions: without a bound, 209 texts of 50,000 Thai characters would make a
 * 31 MB report view that the projection could never write. Counted in UTF-16 units, which bounds the UTF-8 size at
 * three bytes each. Every text, result (name, unit, evidence), rating rationale, C-I-D row and key process counts; a
 * change that shrinks the report is always accepted.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class ReportSize {

    /** A long Application Report is some 150 pages of about 2,000 characters: 1,000,000 leaves room for drafts. */
    static final int MAX_CHARACTERS = 1_000_000;

    /**
     * What each part of the report holds: {@code text/<key>}, {@code result/<id>}, {@code rating/<criterion>},
     * {@code cid/<row id>}, {@code keyProcess/<id>}.
     */
    private Map<String, Integer> characters = new HashMap<>();
    private long total;

    /** Refuses a change that would replace what {@code key} holds with {@code replacement} characters past the bound. */
    void requireRoomFor(String key, long replacement, String field) {
        long after = total - characters.getOrDefault(key, 0) + replacement;
        if (replacement > characters.getOrDefault(key, 0) && after > MAX_CHARACTERS) {
            throw new ReportTooLargeException(field, after);
        }
    }

    void set(String key, int replacement) {
        Integer before = replacement == 0 ? characters.remove(key) : characters.put(key, replacement);
        total += replacement - (before == null ? 0 : before);
    }

    long total() {
        return total;
    }

    static int of(String... texts) {
        int sum = 0;
        for (String text : texts) {
            sum += text == null ? 0 : text.length();
        }
        return sum;
    }

    /** The assessment's report would hold more text than it may: nothing was stored. */
    static final class ReportTooLargeException extends RejectedCommandException {
        ReportTooLargeException(String field, long after) {
            super(RejectionKind.TOO_LARGE, "report-too-large", field,
                  "the report's texts would hold " + after + " characters; an assessment holds at most " + MAX_CHARACTERS
                  + " (texts, results, rationales, C-I-D rows and key processes together): shorten or clear another "
                  + "text first");
        }
    }
}
