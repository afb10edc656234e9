package th.pmqa.studio.catalog;

/**
 * What one part of A-D-R means (the seed's "การเขียน Application Report โดยใช้หลักการ A D R" slides):
 * {@code definition} is the long slide text, {@code summary} the one-line version on the following slide.
 */
public record AdrDefinition(AdrPart part, String name, String definition, String summary) {
}
