package th.pmqa.studio.catalog;

/** A category 7 result dimension, 7.1–7.6. */
public record ResultDimension(String id, String title) {
}
