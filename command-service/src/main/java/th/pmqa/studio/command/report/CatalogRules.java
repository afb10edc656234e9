package th.pmqa.studio.command.report;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ScoreBand;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.report.Section;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checks of a command against the catalog the assessment was opened with, each a named rule: what exists (OP
 * items and questions, sub-criteria, sections, indicator groups, category 6) and what a rating may score. Not state:
 * made from the catalog version for each decision, so snapshots never hold the catalog.
 */
final class CatalogRules {

    private final Catalog catalog;
    private final String version;

    private CatalogRules(Catalog catalog, String version) {
        this.catalog = catalog;
        this.version = version;
    }

    static CatalogRules of(String catalogVersion, AssessmentId assessment) {
        return new CatalogRules(Catalogs.load(catalogVersion).orElseThrow(
                () -> new IllegalStateException("catalog " + catalogVersion + " of " + assessment + " is gone")),
                catalogVersion);
    }

    Catalog catalog() {
        return catalog;
    }

    static void requireLevel(LevelKind level) {
        if (level == null) {
            throw new InvalidInputException("level", "level is basic, advance or significance");
        }
    }

    void requireCriterion(CriterionId criterion) {
        if (criterion == null || catalog.criterion(criterion.value()).isEmpty()) {
            throw new NotFoundException("criterionId", "Sub-criterion " + criterion + " does not exist in " + version);
        }
    }

    void requireProfileItem(int item) {
        if (catalog.profileItem(item).isEmpty()) {
            throw new NotFoundException("item", "OP item " + item + " does not exist in " + version);
        }
    }

    void requireProfileQuestion(ProfileQuestionNumber question) {
        if (question == null || catalog.profileQuestion(question.value()).isEmpty()) {
            throw new NotFoundException("question", "OP question " + question + " does not exist in " + version
                                                    + " (questions are numbered from 1 to "
                                                    + catalog.profileQuestions().size() + ")");
        }
    }

    void requireSection(Section section) {
        if (section == null || sections().stream().noneMatch(section::equals)) {
            throw new NotFoundException("section", "Section " + section + " does not exist in " + version
                    + " (profile, or criteria/<sub-criterion>)");
        }
    }

    /** The workflow's sections: the Organizational Profile, then each sub-criterion of the catalog. */
    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.PROFILE);
        catalog.criteria().forEach(c -> sections.add(Section.of(new CriterionId(c.id()))));
        return sections;
    }

    /** A rating's score lies in its level's band. */
    void requireScoreInBand(LevelKind level, int score) {
        ScoreBand band = catalog.band(level);
        if (!band.contains(score)) {
            throw new InvalidInputException("score", "A " + band.nameEnglish() + " (" + band.nameThai()
                    + ") rating needs a score from " + band.min() + " to " + band.max());
        }
    }

    /** OP items to link: each in the catalog, none twice. */
    List<Integer> validProfileItems(List<Integer> items) {
        return distinctInCatalog(items, "profileItems", "OP item", item -> catalog.profileItem(item).isPresent());
    }

    /** Indicator groups to link: each in the catalog, none twice. */
    List<String> validIndicatorGroups(List<String> groups) {
        return distinctInCatalog(groups, "indicatorGroups", "indicator group",
                                 group -> catalog.indicatorGroup(group).isPresent());
    }

    /** A list to link: required, each value in the catalog, none twice; the first bad value names its index. */
    private <T> List<T> distinctInCatalog(List<T> values, String field, String what, Predicate<T> inCatalog) {
        if (values == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            String at = field + "[" + i + "]";
            if (value == null || !inCatalog.test(value)) {
                throw new InvalidInputException(at, what + " " + value + " does not exist in " + version);
            }
            if (!seen.add(value)) {
                throw new InvalidInputException(at, what + " " + value + " is listed twice");
            }
        }
        return List.copyOf(values);
    }

    /** The sub-criterion key processes are written and reviewed with ({@link KeyProcess#host}). */
    CriterionId keyProcessHost() {
        return KeyProcess.host(catalog).map(c -> new CriterionId(c.id())).orElseThrow(() -> new NotFoundException(
                "processId", "Catalog " + version + " has no category " + KeyProcess.CATEGORY
                             + ", so it has no key processes"));
    }

    boolean ofCategorySix(CriterionId criterion) {
        return catalog.criterion(criterion.value()).map(c -> c.category() == KeyProcess.CATEGORY).orElse(false);
    }
}
