package th.pmqa.studio.infra.testing;

import th.pmqa.studio.report.Author;

import java.time.Duration;
import java.util.List;

/**
 * The people tests of both services write as, so a test names a persona instead of repeating its id and Thai name
 * (and the name stays the same byte for byte wherever a test compares it).
 */
public final class Personas {

    /** An editor of the organization under test: the author of most edits. */
    public static final Author SOMSRI = new Author("u-1", "สมศรี ใจดี");

    /** A facilitator of the OPDC, outside the organization: comments and resolves threads. */
    public static final Author FACILITATOR = new Author("f-9", "วิทยากร กพร.");

    /** The author of the benchmarks' edits. */
    public static final Author BENCH = new Author("bench", "ผู้ทดสอบ");

    private Personas() {
    }

    /** A development token for {@code who} in {@code organization}, see {@link DevelopmentTokens}. */
    public static String token(Author who, String organization, List<String> roles, Duration validity) {
        return DevelopmentTokens.mint(who.userId(), who.name(), organization, roles, validity);
    }
}
