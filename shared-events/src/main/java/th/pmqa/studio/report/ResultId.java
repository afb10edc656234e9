package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** An attached result (a UUID string), chosen by the sender so that the caller knows it before the command runs. */
public record ResultId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ResultId {
        Objects.requireNonNull(value, "result id");
    }

    public static ResultId random() {
        return new ResultId(UUID.randomUUID().toString());
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
