package th.pmqa.studio.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Optional;

/**
 * One of the 27 indicator groups of category 7, e.g. 7.1.1 in dimension 7.1. {@code indicatorCount} is the number of
 * indicators the seed asks for in this group; absent where the seed says nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorGroup(String id, String dimension, String title, String description,
                             IndicatorCount indicatorCount) {

    /** The original four-component form, without count guidance. */
    public IndicatorGroup(String id, String dimension, String title, String description) {
        this(id, dimension, title, description, null);
    }

    public Optional<IndicatorCount> countGuidance() {
        return Optional.ofNullable(indicatorCount);
    }
}
