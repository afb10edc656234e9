package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way a result is better: {@code higher} (a satisfaction rate) or {@code lower} (complaints, a death rate).
 * A result without one states no direction, and the report then says how its figures moved without calling that
 * better or worse: guessing "higher" would call a falling death rate a decline.
 */
public enum ResultDirection {
    HIGHER, LOWER;

    /** The lower-case name used in requests, events and the report, e.g. {@code higher}. */
    @JsonValue
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResultDirection> fromPath(String value) {
        return Arrays.stream(values()).filter(d -> d.pathName().equals(value)).findFirst();
    }
}
