package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies the one assessment of an organization in a fiscal year, e.g. {@code KKN-2567}. It is derived rather
 * than random so that "one assessment per organization and year" is enforced by the event store's unique
 * (aggregate id, sequence) index, also when two nodes open the same assessment at once.
 */
public record AssessmentId(String value) {

    /**
     * What an organization code is: 2–32 ASCII letters, digits and underscores, but not {@code null} in any case (a
     * regular expression Java and JSON Schema read alike). "null" is what a missing organization turns into as text;
     * no organization may be named so.
     */
    public static final String ORGANIZATION_CODE = "(?![Nn][Uu][Ll][Ll](?![A-Za-z0-9_]))[A-Za-z0-9_]{2,32}";
    private static final Pattern CODE = Pattern.compile(ORGANIZATION_CODE);
    /** An organization code, a hyphen, a four-digit fiscal year. */
    private static final Pattern FORM = Pattern.compile(ORGANIZATION_CODE + "-[0-9]{4}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AssessmentId {
        Objects.requireNonNull(value, "assessment id");
    }

    public static AssessmentId of(String organizationCode, int fiscalYear) {
        return new AssessmentId(organizationCode + "-" + fiscalYear);
    }

    public static boolean isOrganizationCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * Whether {@code value} has the form of every assessment id. Other aggregates' streams (a comment thread's UUID)
     * never do, so a command addressed by an id of another form cannot reach them.
     */
    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    /** The organization code the id starts with ({@code KKN} of {@code KKN-2567}): whose assessment it is. */
    public String organizationCode() {
        int dash = value.lastIndexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon names the event stream by {@code toString()} of the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
