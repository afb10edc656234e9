package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A row of a sub-criterion's C-I-D worksheet (a UUID string), chosen by the sender so that the caller knows it
 * before the command runs.
 */
public record CidRowId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CidRowId {
        Objects.requireNonNull(value, "row id");
    }

    public static CidRowId random() {
        return new CidRowId(UUID.randomUUID().toString());
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
