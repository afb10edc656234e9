package th.pmqa.studio.catalog;

/**
 * How Approach, Deploy and Result are written at one level (the seed's A-D-R slides).
 * <p>
 * {@code approach}, {@code deploy} and {@code result} are the three clauses of the workshop column
 * "A-Approach D-Deploy R-Result" for this level, split at the seed's own clause boundaries; {@code workshopText} is
 * that column unsplit. {@code summary} is the level statement of the A-D-R slides (e.g. "... (เชิงรับ)").
 */
public record AdrGuidance(LevelKind level, String approach, String deploy, String result,
                          String summary, String workshopText) {

    /** The original four-component form; {@code summary} and {@code workshopText} default to the joined parts. */
    public AdrGuidance(LevelKind level, String approach, String deploy, String result) {
        this(level, approach, deploy, result, null, null);
    }

    public AdrGuidance {
        if (workshopText == null) {
            workshopText = String.join(" ", approach, deploy, result);
        }
        if (summary == null) {
            summary = workshopText;
        }
    }

    public String part(AdrPart part) {
        return switch (part) {
            case APPROACH -> approach;
            case DEPLOY -> deploy;
            case RESULT -> result;
        };
    }
}
