package th.pmqa.studio.catalog;

import java.util.List;
import java.util.Optional;

/** A sub-criterion such as 1.1, written at three levels. {@code weight} feeds the category score (equal by default). */
public record Criterion(String id, int category, String title, String goal, double weight, List<CriterionLevel> levels) {
    public Criterion {
        levels = List.copyOf(levels);
    }

    public Optional<CriterionLevel> level(LevelKind kind) {
        return levels.stream().filter(l -> l.level() == kind).findFirst();
    }
}
