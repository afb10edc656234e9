package th.pmqa.studio.catalog;

/** One of the 27 indicator groups of category 7, e.g. 7.1.1 in dimension 7.1. */
public record IndicatorGroup(String id, String dimension, String title, String description) {
}
