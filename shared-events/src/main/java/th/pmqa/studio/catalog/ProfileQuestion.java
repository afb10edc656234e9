package th.pmqa.studio.catalog;

/** One of the 13 Organizational Profile questions; {@code part} is "P.1" or "P.2". */
public record ProfileQuestion(int number, String part, String text) {
}
