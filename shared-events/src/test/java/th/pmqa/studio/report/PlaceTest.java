package th.pmqa.studio.report;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceTest {

    private final Catalog catalog = Catalogs.current();

    /** Every place of the catalog, written as the code wrote it before there was a type for it. */
    private List<String> everyPlaceAsWrittenToday() {
        List<String> places = new ArrayList<>(List.of("assessment", "profile"));
        for (ProfileItem item : catalog.profileItems()) {
            places.add("profile/" + item.number());
        }
        for (ProfileQuestion question : catalog.profileQuestions()) {
            places.add("profile/questions/" + question.number());
        }
        for (Criterion criterion : catalog.criteria()) {
            places.add("criteria/" + criterion.id());
            places.add("criteria/" + criterion.id() + "/summary");
            places.add("criteria/" + criterion.id() + "/analysis");
            for (LevelKind level : LevelKind.values()) {
                for (AdrPart part : AdrPart.values()) {
                    places.add("criteria/" + criterion.id() + "/" + level.pathName() + "/" + part.pathName());
                }
            }
        }
        return places;
    }

    @Test
    void everyPlaceOfTheCatalogReadsBackToTheSameTextAndExistsInIt() {
        List<String> places = everyPlaceAsWrittenToday();
        assertThat(places).hasSizeGreaterThan(200);

        assertThat(places).allSatisfy(text -> {
            Place place = Place.parse(text).orElseThrow(() -> new AssertionError("refused " + text));
            assertThat(place.format()).isEqualTo(text);
            assertThat(place.toString()).isEqualTo(text);
            assertThat(Place.parse(place.format())).contains(place);
            assertThat(place.problemIn(catalog)).as(text).isEmpty();
        });
    }

    @Test
    void theTextSaysWhichKindOfPlaceItIs() {
        assertThat(Place.parse("assessment")).contains(Place.ASSESSMENT);
        assertThat(Place.parse("profile")).contains(Place.PROFILE);
        assertThat(Place.parse("profile/3")).contains(new Place.OpItem(3));
        assertThat(Place.parse("profile/questions/6")).contains(new Place.OpQuestion(6));
        assertThat(Place.parse("criteria/1.1")).contains(Place.criterion("1.1"));
        assertThat(Place.parse("criteria/7.1/summary")).contains(new Place.Summary(new CriterionId("7.1")));
        assertThat(Place.parse("criteria/7.1/analysis")).contains(new Place.Analysis(new CriterionId("7.1")));
        assertThat(Place.parse("criteria/1.1/significance/deploy"))
                .contains(new Place.AdrText(new CriterionId("1.1"), LevelKind.SIGNIFICANCE, AdrPart.DEPLOY));
        assertThat(Place.parse("criteria/1.1/basic/approach").map(p -> ((Place.AdrText) p).key()))
                .contains("basic/approach");
    }

    @Test
    void eachPlaceBelongsToTheReviewSectionThatApprovesIt() {
        assertThat(Place.ASSESSMENT.workflowSection()).isEmpty();
        assertThat(Place.PROFILE.workflowSection()).contains(Place.PROFILE);
        assertThat(Place.opItem(3).workflowSection()).contains(Place.PROFILE);
        assertThat(Place.opQuestion(6).workflowSection()).contains(Place.PROFILE);
        for (String text : List.of("criteria/1.1", "criteria/1.1/summary", "criteria/1.1/analysis",
                                   "criteria/1.1/advance/result")) {
            assertThat(Place.parse(text).flatMap(Place::workflowSection)).as(text).contains(Place.criterion("1.1"));
        }
        assertThat(Place.criterion(new CriterionId("1.1")).format()).isEqualTo(Section.of(new CriterionId("1.1")).value());
        assertThat(Place.PROFILE.format()).isEqualTo(Section.PROFILE.value());
    }

    @Test
    void textsThatNameNoPlaceAreRefused() {
        List<String> bad = List.of("", "/", "Assessment", "assessment/", " assessment", "profiles", "profile/",
                "profile/0", "profile/03", "profile/+3", "profile/-3", "profile/12345", "profile/๓", "profile/3/",
                "profile/questions", "profile/questions/", "profile/questions/0", "profile/questions/06",
                "profile/questions/6/x", "criteria", "criteria/", "criteria//summary", "criteria/1.1/",
                "criteria/1.1/Summary", "criteria/1.1/text", "criteria/1.1/basic", "criteria/1.1/BASIC/approach",
                "criteria/1.1/basic/deployment", "criteria/1.1/basic/approach/", "criteria/1.1/basic/approach/x",
                "/criteria/1.1", "comments/1");
        assertThat(bad).allSatisfy(text -> assertThat(Place.parse(text)).as(text).isEmpty());
        assertThat(Place.parse(null)).isEmpty();
    }

    @Test
    void aWellFormedPlaceMissingFromTheCatalogSaysWhatIsMissing() {
        assertThat(Place.parse("profile/99").flatMap(p -> p.problemIn(catalog))).contains("there is no OP item 99");
        assertThat(Place.parse("profile/questions/99").flatMap(p -> p.problemIn(catalog)))
                .contains("there is no OP question 99");
        for (String text : List.of("criteria/9.9", "criteria/9.9/summary", "criteria/9.9/analysis",
                                   "criteria/9.9/basic/approach")) {
            assertThat(Place.parse(text).flatMap(p -> p.problemIn(catalog))).as(text)
                    .contains("there is no sub-criterion 9.9");
            assertThat(Place.parse(text).map(p -> p.existsIn(catalog))).contains(false);
        }
    }

    @Test
    void aWrongLevelOrPartIsNamedInTheRefusal() {
        assertThat(Place.syntaxProblem("criteria/1.1/high/approach"))
                .contains("the level is basic, advance or significance, not high");
        assertThat(Place.syntaxProblem("criteria/1.1/basic/plan")).contains("the part is approach, deploy or result, not plan");
        assertThat(Place.syntaxProblem("criteria/1.1/basic/approach")).isEmpty();
        assertThat(Place.syntaxProblem("profile/0")).isEmpty();
        assertThat(Place.syntaxProblem(null)).isEqualTo(Optional.empty());
    }

    @Test
    void aPlaceCannotBeBuiltThatWouldNotReadBack() {
        assertThatThrownBy(() -> Place.opItem(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Place.opQuestion(10_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Place.criterion("1.1/summary")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Place.criterion("")).isInstanceOf(IllegalArgumentException.class);
    }
}
