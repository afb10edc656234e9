package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportCatalog;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Category;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;
import th.pmqa.studio.report.AssessmentStatus;
import th.pmqa.studio.report.Place;
import th.pmqa.studio.report.SectionStatus;

import java.util.List;

/**
 * Builds the typed report ({@link ReportView}) from a folded state, once, in the order of the Application Report (OP,
 * categories 1–6, category 7) with the catalog's texts, completeness and estimated scores; the JSON, the HTML report
 * and the exports all render what it builds. Pure: no Spring, no database. Sub-criteria are built by
 * {@link SubCriterionViews}, scores by {@link ScoreViews}, results by {@link ResultViews}: a new part of the report is
 * a new record and a new small builder called from here.
 */
public final class ReportViewBuilder {

    public static final int ADR_PARTS_PER_CRITERION = LevelKind.values().length * AdrPart.values().length;

    /** The review section of the Organizational Profile, as the workflow is keyed. */
    static final String PROFILE = Place.PROFILE.format();

    private ReportViewBuilder() {
    }

    public static Catalog catalogOf(ReportState state) {
        return ReportCatalog.of(state);
    }

    public static ReportView build(ReportState state) {
        Catalog catalog = catalogOf(state);
        return new ReportView(state.assessmentId,
                              new OrganizationView(state.organizationCode, state.organizationName, state.organizationType),
                              state.fiscalYear, state.catalogVersion, status(state), window(state),
                              reviewProgress(state, catalog), labels(state), state.submitOverride, state.position,
                              new LastChangeView(state.lastChangeAt, state.lastAuthor),
                              ScoreViews.overall(state, catalog), ScoreViews.estimated(state, catalog),
                              ScoreViews.ratedLevels(state, catalog), profile(state, catalog),
                              catalog.categories().stream().map(c -> category(state, catalog, c)).toList(),
                              ResultViews.categorySeven(state, catalog), EvidenceViews.all(state));
    }

    /**
     * The current content of one section ({@code profile/<n>}, {@code profile/questions/<n>}, {@code criteria/<id>},
     * {@code profile} or {@code assessment}), as live updates carry it; null for a text that names no such section
     * of the catalog (the sections given are the fold's, so only a test asks for one that is not).
     */
    public static Object section(ReportState state, String section) {
        Catalog catalog = catalogOf(state);
        Place place = Place.parse(section).orElse(null);
        if (place instanceof Place.OpQuestion question) {
            return catalog.profileQuestion(question.question())
                          .map(q -> (Object) profileQuestion(state, q, null)).orElse(null);
        }
        if (place instanceof Place.OpItem item) {
            return catalog.profileItem(item.item()).map(i -> (Object) profileItem(state, i)).orElse(null);
        }
        if (place instanceof Place.SubCriterion criterion) {
            return catalog.criterion(criterion.criterion().value())
                          .map(c -> (Object) SubCriterionViews.of(state, catalog, c)).orElse(null);
        }
        if (place instanceof Place.WholeProfile) {
            return new ProfileReviewView(PROFILE, workflow(state, PROFILE), state.changedSinceReady.contains(PROFILE));
        }
        if (place instanceof Place.WholeAssessment) {
            return new AssessmentSectionView(Place.ASSESSMENT.format(), status(state), ScoreViews.overall(state, catalog),
                                             ScoreViews.estimated(state, catalog), window(state),
                                             reviewProgress(state, catalog));
        }
        return null;
    }

    public static ProfileView profile(ReportState state, Catalog catalog) {
        List<ProfileQuestionView> questions = catalog.profileQuestions().stream()
                .map(q -> profileQuestion(state, q, catalog.profileItems().stream()
                        .filter(item -> item.question() == q.number()).map(item -> profileItem(state, item)).toList()))
                .toList();
        int drafted = (int) catalog.profileItems().stream()
                                   .filter(i -> drafted(state.profile.get(Integer.toString(i.number())))).count();
        int answered = (int) catalog.profileQuestions().stream()
                                    .filter(q -> drafted(state.profileAnswers.get(Integer.toString(q.number())))).count();
        return new ProfileView(workflow(state, PROFILE), state.changedSinceReady.contains(PROFILE), questions,
                               new ProfileCompletenessView(answered, drafted, catalog.profileQuestions().size(),
                                                           catalog.profileItems().size()));
    }

    /** An OP question with the team's answer to it as a whole, and its items (null: without, as a live update). */
    static ProfileQuestionView profileQuestion(ReportState state, ProfileQuestion question, List<ProfileItemView> items) {
        ReportState.Text answer = state.profileAnswers.get(Integer.toString(question.number()));
        return new ProfileQuestionView(Place.opQuestion(question.number()).format(), question.number(), question.part(),
                                       question.text(), text(answer), !drafted(answer), items);
    }

    static ProfileItemView profileItem(ReportState state, ProfileItem item) {
        ReportState.Text text = state.profile.get(Integer.toString(item.number()));
        return new ProfileItemView(Place.opItem(item.number()).format(), item.number(), item.title(), text(text),
                                   !drafted(text));
    }

    static CategoryView category(ReportState state, Catalog catalog, Category category) {
        List<Criterion> ofCategory = catalog.criteria().stream().filter(c -> c.category() == category.number()).toList();
        List<SubCriterionView> criteria = ofCategory.stream().map(c -> SubCriterionViews.of(state, catalog, c)).toList();
        int drafted = ofCategory.stream().mapToInt(c -> adrDrafted(state.criteria.get(c.id()))).sum();
        int rated = (int) ofCategory.stream().map(c -> state.criteria.get(c.id()))
                                    .filter(s -> s != null && s.rating != null).count();
        return new CategoryView(category.number(), category.title(), category.relatedResultDimensions(),
                                ScoreViews.category(state, catalog, ofCategory),
                                new CategoryCompletenessView(drafted, ofCategory.size() * ADR_PARTS_PER_CRITERION,
                                                             ofCategory.size(), rated),
                                criteria);
    }

    /**
     * How far the review has come: the sections are the Organizational Profile and every sub-criterion of the
     * catalog; a section without a workflow entry is being drafted.
     */
    public static ReviewProgress reviewProgress(ReportState state, Catalog catalog) {
        int total = catalog.criteria().size() + 1;
        int approved = (int) state.workflow.values().stream().filter(SectionStatus.APPROVED.name()::equals).count();
        int ready = (int) state.workflow.values().stream().filter(SectionStatus.READY_FOR_REVIEW.name()::equals).count();
        return new ReviewProgress(total, approved, ready, total - approved - ready, state.changedSinceReady.size());
    }

    public static List<LabelView> labels(ReportState state) {
        return state.labels.stream().map(l -> new LabelView(l.label(), l.position(), l.author(), l.at())).toList();
    }

    /** The submission window, or null when none is set. */
    static SubmissionWindowView window(ReportState state) {
        return state.windowClosesAt == null ? null : new SubmissionWindowView(state.windowOpensAt, state.windowClosesAt);
    }

    static AssessmentStatus status(ReportState state) {
        return state.status == null ? null : AssessmentStatus.valueOf(state.status);
    }

    /** A section's review status; absent from the workflow means drafting. */
    static SectionStatus workflow(ReportState state, String section) {
        return SectionStatus.valueOf(state.workflow.getOrDefault(section, SectionStatus.DRAFTING.name()));
    }

    static TextView text(ReportState.Text text) {
        return text == null ? null : new TextView(text.text(), text.revision(), text.author(), text.at(), text.isDrafted());
    }

    public static int ratedCount(ReportState state) {
        return (int) state.criteria.values().stream().filter(s -> s.rating != null).count();
    }

    public static int adrDrafted(ReportState state) {
        return state.criteria.values().stream().mapToInt(ReportViewBuilder::adrDrafted).sum();
    }

    public static int profileDrafted(ReportState state) {
        return (int) state.profile.values().stream().filter(ReportViewBuilder::drafted).count();
    }

    static int adrDrafted(ReportState.CriterionSection section) {
        return section == null ? 0 : (int) section.parts.values().stream().filter(ReportViewBuilder::drafted).count();
    }

    static boolean drafted(ReportState.Text text) {
        return text != null && text.isDrafted();
    }
}
