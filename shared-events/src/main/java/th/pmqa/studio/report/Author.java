package th.pmqa.studio.report;

/** Who issued a command: the identity provider's subject and the display name at that moment. */
public record Author(String userId, String name) {
}
