package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One of the Organizational Profile's questions, (1) to (13) in {@code pmqa-4.0/2567}; whether it exists is decided
 * against the assessment's catalog. A type of its own because an OP question and an OP item are both small numbers
 * (question (6) is not item 6) and a text is kept under each.
 */
public record ProfileQuestionNumber(int value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProfileQuestionNumber {
    }

    @JsonValue
    @Override
    public int value() {
        return value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
