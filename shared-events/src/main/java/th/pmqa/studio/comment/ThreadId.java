package th.pmqa.studio.comment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A comment thread (a UUID string), chosen by the sender so that the caller knows it before the command runs. */
public record ThreadId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ThreadId {
        Objects.requireNonNull(value, "thread id");
    }

    public static ThreadId random() {
        return new ThreadId(UUID.randomUUID().toString());
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
