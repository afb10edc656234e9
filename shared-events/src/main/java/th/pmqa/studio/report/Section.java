package th.pmqa.studio.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A unit of the review workflow: {@code profile} (the whole Organizational Profile) or {@code criteria/<id>} (one
 * sub-criterion with its levels, summary, links, results and rating): the {@link Place}s a review is of, in their
 * wire form.
 */
public record Section(String value) {

    public static final Section PROFILE = new Section(Place.PROFILE.format());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Section {
        Objects.requireNonNull(value, "section");
    }

    public static Section of(CriterionId criterion) {
        return new Section(Place.criterion(criterion).format());
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
