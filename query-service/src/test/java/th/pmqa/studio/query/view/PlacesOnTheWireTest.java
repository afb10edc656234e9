package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ChangeDescriber;
import th.pmqa.studio.query.model.OneOfEachEvent;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.CommentThreadStartedEvent;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.query.comment.CommentFold;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.Place;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.model.TestEvents.ID;
import static th.pmqa.studio.query.model.TestEvents.SOMCHAI;
import static th.pmqa.studio.query.model.TestEvents.T0;

/**
 * The places the query side writes (change sections, review-workflow keys, the report's {@code section} fields,
 * comment history entries) are the texts it wrote before they were built from {@link Place}: stored change logs,
 * comment events and clients depend on them byte for byte.
 */
class PlacesOnTheWireTest {

    private final Catalog catalog = Catalogs.current();

    @Test
    void everySectionTheFoldWritesIsTheTextItAlwaysWasAndReadsBackToItself() {
        ReportState state = new ReportState();
        Set<String> sections = new LinkedHashSet<>();
        long position = 0;
        for (AssessmentEvent event : OneOfEachEvent.history()) {
            sections.add(ChangeDescriber.fold(state, event, ++position).section());
        }
        sections.addAll(state.workflow.keySet());
        sections.addAll(state.changedSinceReady);

        assertThat(sections).containsExactlyInAnyOrder("assessment", "profile", "profile/3", "profile/questions/6",
                                                       "criteria/1.1", "criteria/6.1", "criteria/6.2");
        assertThat(sections).allSatisfy(this::readsBackToItself);
    }

    @Test
    void everySectionOfTheRenderedReportAndOfItsLiveUpdatesReadsBackToItself() {
        ReportState state = ReportFold.replay(OneOfEachEvent.history());
        List<String> sections = new ArrayList<>();
        collectSections(ViewJson.report(state), sections);

        assertThat(sections).hasSize(catalog.profileItems().size() + catalog.profileQuestions().size()
                                     + catalog.criteria().size());
        assertThat(sections).contains("profile/1", "profile/questions/13", "criteria/6.3");
        assertThat(sections).allSatisfy(this::readsBackToItself);
        List<String> updates = new ArrayList<>(sections);
        updates.addAll(List.of("profile", "assessment"));
        for (String section : updates) {
            Object update = ViewJson.section(state, section);
            assertThat(update).as(section).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) update).get("section")).as(section).isEqualTo(section);
        }
    }

    @Test
    void aCommentIsFiledUnderTheSectionAndPartTheHistoryAlwaysUsedForEveryTextOfTheCatalog() {
        List<String> texts = new ArrayList<>();
        for (ProfileItem item : catalog.profileItems()) {
            texts.add("profile/" + item.number());
        }
        for (ProfileQuestion question : catalog.profileQuestions()) {
            texts.add("profile/questions/" + question.number());
        }
        for (Criterion criterion : catalog.criteria()) {
            texts.add("criteria/" + criterion.id() + "/summary");
            texts.add("criteria/" + criterion.id() + "/analysis");
            for (LevelKind level : LevelKind.values()) {
                for (AdrPart part : AdrPart.values()) {
                    texts.add("criteria/" + criterion.id() + "/" + level.pathName() + "/" + part.pathName());
                }
            }
        }

        assertThat(texts).allSatisfy(text -> {
            ChangeEntry entry = CommentFold.entry(new CommentThreadStartedEvent(new ThreadId("t-1"), ID, text,
                    new CommentId("c-1"), "ดูอีกครั้ง", List.of(), SOMCHAI, T0), 7);
            assertThat(Arrays.asList(entry.section(), entry.criterionId(), entry.profileItem(), entry.what()))
                    .as(text).isEqualTo(asTheHistoryAlwaysFiledIt(text));
            readsBackToItself(entry.section());
        });
    }

    /** How the comment history split a comment's section before there was a type for places (kept as the oracle). */
    private static List<Object> asTheHistoryAlwaysFiledIt(String commented) {
        String[] parts = commented.split("/", 3);
        boolean profile = parts[0].equals("profile");
        boolean question = profile && parts[1].equals("questions");
        String section = question ? commented : parts[0] + "/" + parts[1];
        String criterionId = profile ? null : parts[1];
        Integer item = profile && !question ? Integer.valueOf(parts[1]) : null;
        String what = profile ? "text" : parts.length > 2 ? parts[2] : "";
        return Arrays.asList(section, criterionId, item, what);
    }

    private void readsBackToItself(String text) {
        Place place = Place.parse(text).orElseThrow(() -> new AssertionError("no place: " + text));
        assertThat(place.format()).isEqualTo(text);
        assertThat(place.existsIn(catalog)).as(text).isTrue();
    }

    private static void collectSections(Object node, List<String> sections) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("section") instanceof String section) {
                sections.add(section);
            }
            map.values().forEach(value -> collectSections(value, sections));
        } else if (node instanceof Iterable<?> list) {
            list.forEach(value -> collectSections(value, sections));
        }
    }
}
