package th.pmqa.studio.query.view;

/**
 * What the catalog says about one level of a sub-criterion, for a printed report (not in the JSON): the band's Thai
 * and English names, the level's requirement, and the writing prompt of each A-D-R part (null where it has none).
 */
public record LevelGuidance(String name, String english, String requirement, String approachPrompt,
                            String deployPrompt, String resultPrompt) {
}
