package th.pmqa.studio.catalog;

/**
 * One of the 13 Organizational Profile questions; {@code part} is "P.1" or "P.2" and {@code partTitle} its heading
 * in the seed (P.1 ลักษณะองค์การ, P.2 สภาวะการณ์ขององค์กร).
 */
public record ProfileQuestion(int number, String part, String text, String partTitle) {

    /** The original three-component form, without the part heading. */
    public ProfileQuestion(int number, String part, String text) {
        this(number, part, text, "");
    }

    public ProfileQuestion {
        if (partTitle == null) {
            partTitle = "";
        }
    }
}
