package th.pmqa.studio.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A sub-criterion such as 1.1, written at three levels. {@code weight} feeds the category score (equal by default).
 * <p>
 * {@code titleEnglish} is the English name the seed gives in brackets (e.g. "Leadership system");
 * {@code relatedResultDimensions} are the category 7 dimensions the workshop form of this sub-criterion names
 * ("หมวด 7=มิติ 7.1,7.4", "ผลลัพธ์ = มิติ 7.2", ...); {@code prompts} are the starters and hints the forms print for
 * its texts; {@code suggestedLinks} the OP items and indicator groups the seed relates to it.
 */
public record Criterion(String id, int category, String title, String goal, double weight, List<CriterionLevel> levels,
                        String titleEnglish, List<String> relatedResultDimensions, List<WritingPrompt> prompts,
                        SuggestedLinks suggestedLinks) {

    /** The original six-component form, without the English title and the related result dimensions. */
    public Criterion(String id, int category, String title, String goal, double weight, List<CriterionLevel> levels) {
        this(id, category, title, goal, weight, levels, "", List.of());
    }

    /** The eight-component form, without prompts and suggested links. */
    public Criterion(String id, int category, String title, String goal, double weight, List<CriterionLevel> levels,
                     String titleEnglish, List<String> relatedResultDimensions) {
        this(id, category, title, goal, weight, levels, titleEnglish, relatedResultDimensions, List.of(), SuggestedLinks.NONE);
    }

    public Criterion {
        levels = List.copyOf(levels);
        titleEnglish = titleEnglish == null ? "" : titleEnglish;
        relatedResultDimensions = relatedResultDimensions == null ? List.of() : List.copyOf(relatedResultDimensions);
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        suggestedLinks = suggestedLinks == null ? SuggestedLinks.NONE : suggestedLinks;
    }

    public Optional<CriterionLevel> level(LevelKind kind) {
        return levels.stream().filter(l -> l.level() == kind).findFirst();
    }

    /** The placeholder the seed prints for one A-D-R field of one level, if any. */
    public Optional<WritingPrompt> prompt(LevelKind level, AdrPart part) {
        return prompts.stream().filter(p -> p.forField(level, part)).findFirst();
    }

    /** The starter the seed prints for this sub-criterion's summary (its Step-2 column), if any. */
    public Optional<WritingPrompt> summaryPrompt() {
        return prompts.stream().filter(WritingPrompt::forSummary).findFirst();
    }
}
