package th.pmqa.studio.query.report;

import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.Category;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.IndicatorGroup;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;
import th.pmqa.studio.catalog.ResultDimension;
import th.pmqa.studio.catalog.ScoreBand;
import th.pmqa.studio.report.Place;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays a folded report out in the order of the Application Report (OP, categories 1–6, category 7) with the
 * catalog's texts, completeness and estimated scores.
 *
 * <p>Scores are estimates by this tool's rule (the seed gives no weights and no formula, so the weights are the
 * catalog's, marked {@code weightsSource: "tool"}, and equal by default): a sub-criterion scores its rating; a category
 * scores the weighted mean of its rated sub-criteria; the overall score is the weighted mean of all rated sub-criteria
 * (sub-criterion weight × category weight). Each score's band is the band its rounded value falls in (Basic 300–399,
 * Advance 400–469, Significance 470–500). Beside them the report lists what the seed asks for: each sub-criterion's
 * rated level.
 */
public final class ReportRenderer {

    public static final int ADR_PARTS_PER_CRITERION = LevelKind.values().length * AdrPart.values().length;

    private ReportRenderer() {
    }

    public static Catalog catalogOf(ReportState state) {
        return Catalogs.load(state.catalogVersion).orElseGet(Catalogs::current);
    }

    public static Map<String, Object> render(ReportState state) {
        Catalog catalog = catalogOf(state);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("assessmentId", state.assessmentId);
        report.put("organization", Map.of("code", state.organizationCode, "name", state.organizationName,
                                          "type", state.organizationType));
        report.put("fiscalYear", state.fiscalYear);
        report.put("catalogVersion", state.catalogVersion);
        report.put("status", state.status);
        report.put("submissionWindow", window(state));
        report.put("workflow", ReviewProgress.of(state, catalog));
        report.put("labels", state.labels);
        if (state.submitOverride != null) {
            report.put("submitOverride", state.submitOverride);
        }
        report.put("position", state.position);
        report.put("lastChange", lastChange(state));
        report.put("score", overallScore(state, catalog));
        report.put("estimatedScore", estimatedScore(state, catalog));
        report.put("ratedLevels", ratedLevels(state, catalog));
        report.put("profile", profile(state, catalog));
        List<Object> categories = new ArrayList<>();
        for (Category category : catalog.categories()) {
            categories.add(category(state, catalog, category));
        }
        report.put("categories", categories);
        report.put("results", categorySeven(state, catalog));
        report.put("evidence", EvidenceList.all(state));
        return report;
    }

    static Map<String, Object> lastChange(ReportState state) {
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("at", state.lastChangeAt);
        last.put("author", state.lastAuthor);
        return last;
    }

    public static Map<String, Object> profile(ReportState state, Catalog catalog) {
        List<Object> questions = new ArrayList<>();
        for (ProfileQuestion question : catalog.profileQuestions()) {
            List<Object> items = new ArrayList<>();
            for (ProfileItem item : catalog.profileItems()) {
                if (item.question() == question.number()) {
                    items.add(profileItem(state, item));
                }
            }
            Map<String, Object> q = profileQuestion(state, question);
            q.put("items", items);
            questions.add(q);
        }
        long drafted = catalog.profileItems().stream().filter(i -> drafted(state.profile.get(Integer.toString(i.number())))).count();
        long answered = catalog.profileQuestions().stream()
                               .filter(q -> drafted(state.profileAnswers.get(Integer.toString(q.number())))).count();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("workflow", state.workflow.getOrDefault(PROFILE, "DRAFTING"));
        profile.put("changedSinceReady", state.changedSinceReady.contains(PROFILE));
        profile.put("questions", questions);
        profile.put("completeness", Map.of("drafted", drafted, "total", catalog.profileItems().size(),
                                           "answered", answered, "questions", catalog.profileQuestions().size()));
        return profile;
    }

    /**
     * An OP question with the team's answer to it as a whole ({@code answer}, null while never written), without its
     * items: what a live update of the answer carries. Question (6) has no item, so its answer is all it has.
     */
    public static Map<String, Object> profileQuestion(ReportState state, ProfileQuestion question) {
        ReportState.Text answer = state.profileAnswers.get(Integer.toString(question.number()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("section", Place.opQuestion(question.number()).format());
        view.put("number", question.number());
        view.put("part", question.part());
        view.put("text", question.text());
        view.put("answer", answer);
        view.put("answerEmpty", !drafted(answer));
        return view;
    }

    public static Map<String, Object> profileItem(ReportState state, ProfileItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("section", Place.opItem(item.number()).format());
        view.put("number", item.number());
        view.put("title", item.title());
        view.put("text", state.profile.get(Integer.toString(item.number())));
        view.put("empty", !drafted(state.profile.get(Integer.toString(item.number()))));
        return view;
    }

    static Map<String, Object> category(ReportState state, Catalog catalog, Category category) {
        List<Object> criteria = new ArrayList<>();
        int drafted = 0;
        int rated = 0;
        List<Criterion> ofCategory = catalog.criteria().stream().filter(c -> c.category() == category.number()).toList();
        for (Criterion criterion : ofCategory) {
            criteria.add(criterion(state, catalog, criterion));
            ReportState.CriterionSection section = state.criteria.get(criterion.id());
            drafted += adrDrafted(section);
            rated += section != null && section.rating != null ? 1 : 0;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", category.number());
        view.put("title", category.title());
        view.put("relatedResultDimensions", category.relatedResultDimensions());
        view.put("score", score(weightedMean(state, ofCategory, c -> c.weight()), catalog));
        view.put("completeness", Map.of("adrDrafted", drafted, "adrTotal", ofCategory.size() * ADR_PARTS_PER_CRITERION,
                                        "rated", rated, "criteria", ofCategory.size()));
        view.put("criteria", criteria);
        return view;
    }

    public static Map<String, Object> criterion(ReportState state, Catalog catalog, Criterion criterion) {
        ReportState.CriterionSection section = Optional.ofNullable(state.criteria.get(criterion.id()))
                                                       .orElseGet(ReportState.CriterionSection::new);
        List<String> missing = new ArrayList<>();
        if (section.profileItems.isEmpty()) {
            missing.add("links/profile");
        }
        if (section.indicatorGroups.isEmpty()) {
            missing.add("links/indicators");
        }
        List<Object> levels = new ArrayList<>();
        for (LevelKind level : LevelKind.values()) {
            Map<String, Object> lv = new LinkedHashMap<>();
            // The requirement texts live in the catalog (GET /api/catalog): repeating them in every section update
            // would multiply what a live stream sends to each subscriber.
            lv.put("level", level.pathName());
            for (AdrPart part : AdrPart.values()) {
                String key = level.pathName() + "/" + part.pathName();
                ReportState.Text text = section.parts.get(key);
                lv.put(part.pathName(), text);
                if (!drafted(text)) {
                    missing.add(key);
                }
            }
            lv.put("results", section.results.values().stream().filter(r -> r.level() == level)
                                            .map(ResultView::of).toList());
            if (level == LevelKind.ADVANCE) {
                // the seed's C-I-D worksheet is the table behind the Advance level ("…(C-I-D)")
                lv.put("cid", RowsFold.worksheet(section).stream().map(ReportRenderer::cidRow).toList());
            }
            levels.add(lv);
        }
        if (!drafted(section.summary)) {
            missing.add("summary");
        }
        if (section.rating == null) {
            missing.add("rating");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        String place = Place.criterion(criterion.id()).format();
        view.put("section", place);
        view.put("id", criterion.id());
        view.put("workflow", state.workflow.getOrDefault(place, "DRAFTING"));
        view.put("changedSinceReady", state.changedSinceReady.contains(place));
        view.put("title", criterion.title());
        // Step-1 begins with it, so the section does too; a working note, not part of what completeness counts
        view.put("analysis", section.analysis);
        view.put("profileItems", section.profileItems.stream()
                .map(n -> Map.of("number", n, "title", catalog.profileItem(n).map(ProfileItem::title).orElse(""))).toList());
        view.put("indicatorGroups", section.indicatorGroups.stream()
                .map(g -> Map.of("id", g, "title", catalog.indicatorGroup(g).map(IndicatorGroup::title).orElse(""))).toList());
        if (criterion.category() == th.pmqa.studio.report.KeyProcess.CATEGORY) {
            view.put("linkedKeyProcesses",
                     section.keyProcesses.stream().map(id -> linkedKeyProcess(state, id)).toList());
        }
        if (criterion.id().equals(RowsFold.host(state))) {
            view.put("keyProcesses", RowsFold.valueChain(state).stream().map(ReportRenderer::keyProcess).toList());
        }
        view.put("levels", levels);
        view.put("evidence", EvidenceList.of(state, criterion.id()));
        view.put("summary", section.summary);
        view.put("rating", section.rating);
        view.put("score", score(section.rating == null ? null : (double) section.rating.score(), catalog));
        view.put("completeness", Map.of("adrDrafted", adrDrafted(section), "adrTotal", ADR_PARTS_PER_CRITERION,
                                        "missing", missing, "complete", missing.isEmpty()));
        return view;
    }

    /** A C-I-D row with its kind's name as the seed prints it. */
    static Map<String, Object> cidRow(ReportState.CidEntry row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rowId", row.rowId());
        view.put("kind", row.kind());
        view.put("kindName", th.pmqa.studio.report.CidKind.fromCode(row.kind())
                                                         .map(th.pmqa.studio.report.CidKind::english)
                                                         .orElse(row.kind()));
        view.put("data", row.data());
        view.put("output", row.output());
        view.put("process", row.process());
        view.put("need", row.need());
        view.put("revision", row.revision());
        view.put("author", row.author());
        view.put("at", row.at());
        return view;
    }

    /** A key process with its value-chain stage's Thai name. */
    static Map<String, Object> keyProcess(ReportState.KeyProcessEntry process) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("processId", process.processId());
        view.put("name", process.name());
        view.put("stage", process.stage());
        view.put("stageName", RowsFold.stageName(process.stage()));
        view.put("nationalStrategy", process.nationalStrategy());
        view.put("objectives", process.objectives());
        view.put("competitiveness", process.competitiveness());
        view.put("outputs", process.outputs());
        view.put("successFactors", process.successFactors());
        view.put("leadingIndicators", process.leadingIndicators());
        view.put("revision", process.revision());
        view.put("author", process.author());
        view.put("at", process.at());
        return view;
    }

    private static Map<String, Object> linkedKeyProcess(ReportState state, String id) {
        ReportState.KeyProcessEntry process = state.keyProcesses.get(id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("processId", id);
        view.put("name", process == null ? "" : process.name());
        view.put("stage", process == null ? null : process.stage());
        return view;
    }

    static List<Object> categorySeven(ReportState state, Catalog catalog) {
        List<Object> dimensions = new ArrayList<>();
        for (ResultDimension dimension : catalog.resultDimensions()) {
            List<Object> groups = new ArrayList<>();
            for (IndicatorGroup group : catalog.indicatorGroups()) {
                if (!group.dimension().equals(dimension.id())) {
                    continue;
                }
                List<Object> results = new ArrayList<>();
                state.criteria.forEach((criterionId, section) -> section.results.values().stream()
                        .filter(r -> group.id().equals(r.indicatorGroup()))
                        .forEach(r -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("criterionId", criterionId);
                            entry.put("result", ResultView.of(r));
                            results.add(entry);
                        }));
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", group.id());
                view.put("title", group.title());
                // the seed's count guidance (7.1.1: 2 to 3 indicators) with the count and whether it is within
                IndicatorCountCheck.of(state, group).ifPresent(check -> view.put("indicatorCount", check));
                view.put("results", results);
                groups.add(view);
            }
            dimensions.add(Map.of("dimension", dimension.id(), "title", dimension.title(), "indicatorGroups", groups));
        }
        return dimensions;
    }

    public static Map<String, Object> overallScore(ReportState state, Catalog catalog) {
        Map<String, Object> score = new LinkedHashMap<>(score(weightedMean(state, catalog.criteria(),
                c -> c.weight() * catalog.category(c.category()).map(Category::weight).orElse(1.0)), catalog));
        score.put("rated", ratedCount(state));
        score.put("criteria", catalog.criteria().size());
        return score;
    }

    /**
     * The overall score named for what it is: an estimate by this tool's rule with weights of the catalog's data
     * ({@code weightsSource} "tool": the seed gives no weights and no formula), with the rule in English and Thai.
     * The same value and band as {@code score}, which stays for the clients that read it.
     */
    public static Map<String, Object> estimatedScore(ReportState state, Catalog catalog) {
        Map<String, Object> estimate = new LinkedHashMap<>(overallScore(state, catalog));
        th.pmqa.studio.catalog.Scoring scoring = catalog.scoring();
        estimate.put("weightsSource", scoring == null ? null : scoring.weightsSource());
        estimate.put("estimateRule", scoring == null ? null : scoring.rule());
        estimate.put("estimateRuleThai", scoring == null ? null : scoring.ruleThai());
        return estimate;
    }

    /**
     * What the seed asks for beside any score: the level each sub-criterion was rated at (its Step-2), in catalog
     * order; {@code level} and {@code score} are null while it is not rated.
     */
    public static List<Map<String, Object>> ratedLevels(ReportState state, Catalog catalog) {
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Criterion criterion : catalog.criteria()) {
            ReportState.CriterionSection section = state.criteria.get(criterion.id());
            ReportState.Rating rating = section == null ? null : section.rating;
            Map<String, Object> rated = new LinkedHashMap<>();
            rated.put("criterionId", criterion.id());
            rated.put("title", criterion.title());
            rated.put("level", rating == null ? null : rating.level().pathName());
            rated.put("levelName", rating == null ? null : catalog.band(rating.level()).nameThai());
            rated.put("score", rating == null ? null : rating.score());
            levels.add(rated);
        }
        return levels;
    }

    public static int ratedCount(ReportState state) {
        return (int) state.criteria.values().stream().filter(s -> s.rating != null).count();
    }

    public static int adrDrafted(ReportState state) {
        return state.criteria.values().stream().mapToInt(ReportRenderer::adrDrafted).sum();
    }

    public static int profileDrafted(ReportState state) {
        return (int) state.profile.values().stream().filter(ReportRenderer::drafted).count();
    }

    static int adrDrafted(ReportState.CriterionSection section) {
        return section == null ? 0 : (int) section.parts.values().stream().filter(ReportRenderer::drafted).count();
    }

    private static Double weightedMean(ReportState state, List<Criterion> criteria,
                                       java.util.function.ToDoubleFunction<Criterion> weight) {
        double sum = 0;
        double weights = 0;
        for (Criterion c : criteria) {
            ReportState.CriterionSection section = state.criteria.get(c.id());
            if (section != null && section.rating != null) {
                double w = weight.applyAsDouble(c);
                sum += w * section.rating.score();
                weights += w;
            }
        }
        return weights == 0 ? null : sum / weights;
    }

    public static Map<String, Object> score(Double value, Catalog catalog) {
        Map<String, Object> score = new LinkedHashMap<>();
        if (value == null) {
            score.put("value", null);
            score.put("band", null);
            return score;
        }
        double rounded = Math.round(value * 10) / 10.0;
        score.put("value", rounded);
        // the band of the value shown, so one displayed score never lands in two bands
        score.put("band", catalog.bandOf((int) Math.round(rounded)).map(ReportRenderer::band).orElse(null));
        return score;
    }

    private static Map<String, Object> band(ScoreBand band) {
        return Map.of("level", band.level().pathName(), "min", band.min(), "max", band.max(),
                      "name", band.nameThai(), "english", band.nameEnglish());
    }

    static boolean drafted(ReportState.Text text) {
        return text != null && text.isDrafted();
    }

    /**
     * The current content of one section ({@code profile/<n>}, {@code profile/questions/<n>}, {@code criteria/<id>},
     * {@code profile} or {@code assessment}), as live updates carry it; null for a text that names no such section
     * of the catalog (the sections given are the fold's, so only a test asks for one that is not).
     */
    public static Object section(ReportState state, String section) {
        Catalog catalog = catalogOf(state);
        Place place = Place.parse(section).orElse(null);
        if (place == null) {
            return null;
        }
        if (place instanceof Place.OpQuestion question) {
            return catalog.profileQuestion(question.question()).map(q -> (Object) profileQuestion(state, q)).orElse(null);
        }
        if (place instanceof Place.OpItem item) {
            return catalog.profileItem(item.item()).map(i -> (Object) profileItem(state, i)).orElse(null);
        }
        if (place instanceof Place.SubCriterion criterion) {
            return catalog.criterion(criterion.criterion().value())
                          .map(c -> (Object) criterion(state, catalog, c)).orElse(null);
        }
        if (place instanceof Place.WholeProfile) {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("section", PROFILE);
            profile.put("workflow", state.workflow.getOrDefault(PROFILE, "DRAFTING"));
            profile.put("changedSinceReady", state.changedSinceReady.contains(PROFILE));
            return profile;
        }
        if (!(place instanceof Place.WholeAssessment)) {
            return null;
        }
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("section", Place.ASSESSMENT.format());
        assessment.put("status", state.status);
        assessment.put("score", overallScore(state, catalog));
        assessment.put("estimatedScore", estimatedScore(state, catalog));
        assessment.put("submissionWindow", window(state));
        assessment.put("workflow", ReviewProgress.of(state, catalog));
        return assessment;
    }

    /** The review section of the Organizational Profile, as the workflow is keyed. */
    private static final String PROFILE = Place.PROFILE.format();

    /** The submission window, or null when none is set. */
    static Map<String, Object> window(ReportState state) {
        if (state.windowClosesAt == null) {
            return null;
        }
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("opensAt", state.windowOpensAt);
        window.put("closesAt", state.windowClosesAt);
        return window;
    }
}
