package th.pmqa.studio.catalog;

/** How Approach, Deploy and Result are written at one level (the seed's A-D-R slides). */
public record AdrGuidance(LevelKind level, String approach, String deploy, String result) {
    public String part(AdrPart part) {
        return switch (part) {
            case APPROACH -> approach;
            case DEPLOY -> deploy;
            case RESULT -> result;
        };
    }
}
