package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A sub-criterion of the catalog, e.g. {@code 1.1}; whether it exists is decided against the assessment's catalog. */
public record CriterionId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CriterionId {
        Objects.requireNonNull(value, "criterion id");
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
