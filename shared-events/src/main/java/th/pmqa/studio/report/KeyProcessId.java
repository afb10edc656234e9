package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A key process of an assessment (a UUID string), chosen by the sender so that the caller knows it before the
 * command runs.
 */
public record KeyProcessId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public KeyProcessId {
        Objects.requireNonNull(value, "key process id");
    }

    public static KeyProcessId random() {
        return new KeyProcessId(UUID.randomUUID().toString());
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
