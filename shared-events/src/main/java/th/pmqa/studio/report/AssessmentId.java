package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * Identifies the one assessment of an organization in a fiscal year, e.g. {@code KKN-2567}. It is derived rather
 * than random so that "one assessment per organization and year" is enforced by the event store's unique
 * (aggregate id, sequence) index, also when two nodes open the same assessment at once.
 */
public record AssessmentId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AssessmentId {
        Objects.requireNonNull(value, "assessment id");
    }

    public static AssessmentId of(String organizationCode, int fiscalYear) {
        return new AssessmentId(organizationCode + "-" + fiscalYear);
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
