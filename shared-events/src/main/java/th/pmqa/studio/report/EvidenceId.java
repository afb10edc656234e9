package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A piece of evidence (a UUID string), chosen by the node that stores its bytes: the same id names the GridFS file,
 * so the bytes can be stored before the command that records them is decided.
 */
public record EvidenceId(String value) {

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EvidenceId {
        Objects.requireNonNull(value, "evidence id");
    }

    public static EvidenceId random() {
        return new EvidenceId(UUID.randomUUID().toString());
    }

    /** Whether {@code value} has the form every evidence id has (lower-case UUID): no other text can name one. */
    public static boolean isWellFormed(String value) {
        return value != null && UUID_FORM.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
