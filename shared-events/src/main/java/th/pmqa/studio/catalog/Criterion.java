package th.pmqa.studio.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A sub-criterion such as 1.1, written at three levels. {@code weight} feeds the category score (equal by default).
 * <p>
 * {@code titleEnglish} is the English name the seed gives in brackets (e.g. "Leadership system");
 * {@code relatedResultDimensions} are the category 7 dimensions the workshop form of this sub-criterion names
 * ("หมวด 7=มิติ 7.1,7.4", "ผลลัพธ์ = มิติ 7.2", ...).
 */
public record Criterion(String id, int category, String title, String goal, double weight, List<CriterionLevel> levels,
                        String titleEnglish, List<String> relatedResultDimensions) {

    /** The original six-component form, without the English title and the related result dimensions. */
    public Criterion(String id, int category, String title, String goal, double weight, List<CriterionLevel> levels) {
        this(id, category, title, goal, weight, levels, "", List.of());
    }

    public Criterion {
        levels = List.copyOf(levels);
        titleEnglish = titleEnglish == null ? "" : titleEnglish;
        relatedResultDimensions = relatedResultDimensions == null ? List.of() : List.copyOf(relatedResultDimensions);
    }

    public Optional<CriterionLevel> level(LevelKind kind) {
        return levels.stream().filter(l -> l.level() == kind).findFirst();
    }
}
