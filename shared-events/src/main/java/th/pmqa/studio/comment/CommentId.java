package th.pmqa.studio.comment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** One comment of a thread (a UUID string), chosen by the sender so that the caller knows it before the command runs. */
public record CommentId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CommentId {
        Objects.requireNonNull(value, "comment id");
    }

    public static CommentId random() {
        return new CommentId(UUID.randomUUID().toString());
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
