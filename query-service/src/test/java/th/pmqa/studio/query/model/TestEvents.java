package th.pmqa.studio.query.model;

import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain event fixtures for the query side: one assessment, two authors, a clock in minutes after {@link #T0}. */
public final class TestEvents {

    public static final AssessmentId ID = AssessmentId.of("KKN", 2567);
    public static final Author SOMCHAI = new Author("u-somchai", "สมชาย ใจดี");
    public static final Author SUDA = new Author("u-suda", "สุดา รักงาน");
    public static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");

    private TestEvents() {
    }

    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    public static CriterionId c(String id) {
        return new CriterionId(id);
    }

    public static AssessmentOpenedEvent opened() {
        return opened("สำนักงานจังหวัดขอนแก่น");
    }

    public static AssessmentOpenedEvent opened(String organizationName) {
        return new AssessmentOpenedEvent(ID, "KKN", organizationName, OrganizationType.PROVINCE, 2567,
                                         Catalogs.CURRENT_VERSION, SOMCHAI, at(0));
    }

    public static ProfileItemDraftedEvent profile(int item, String text, long revision, Author author, int minute) {
        return new ProfileItemDraftedEvent(ID, item, text, revision, author, at(minute));
    }

    public static ApproachDraftedEvent approach(String criterion, LevelKind level, String text, long revision,
                                                Author author, int minute) {
        return new ApproachDraftedEvent(ID, c(criterion), level, text, revision, author, at(minute));
    }

    public static DeploymentDraftedEvent deploy(String criterion, LevelKind level, String text, long revision,
                                                Author author, int minute) {
        return new DeploymentDraftedEvent(ID, c(criterion), level, text, revision, author, at(minute));
    }

    public static ResultDraftedEvent resultText(String criterion, LevelKind level, String text, long revision,
                                                Author author, int minute) {
        return new ResultDraftedEvent(ID, c(criterion), level, text, revision, author, at(minute));
    }

    public static CriterionSummaryWrittenEvent summary(String criterion, String text, long revision, Author author,
                                                       int minute) {
        return new CriterionSummaryWrittenEvent(ID, c(criterion), text, revision, author, at(minute));
    }

    public static LevelRatedEvent rated(String criterion, LevelKind level, int score, String rationale, Author author,
                                        int minute) {
        return new LevelRatedEvent(ID, c(criterion), level, score, rationale, author, at(minute));
    }

    public static LevelRatedEvent rated(String criterion, int score) {
        LevelKind level = Catalogs.current().bandOf(score).orElseThrow().level();
        return rated(criterion, level, score, "ประเมินตนเอง", SOMCHAI, 1);
    }

    public static ProfileItemsLinkedEvent linkedProfile(String criterion, List<Integer> items, Author author, int minute) {
        return new ProfileItemsLinkedEvent(ID, c(criterion), items, author, at(minute));
    }

    public static ResultIndicatorsLinkedEvent linkedIndicators(String criterion, List<String> groups, Author author,
                                                               int minute) {
        return new ResultIndicatorsLinkedEvent(ID, c(criterion), groups, author, at(minute));
    }

    public static ResultAttachedEvent attached(String criterion, LevelKind level, String resultId, String group,
                                               String name, Author author, int minute) {
        return new ResultAttachedEvent(ID, c(criterion), level, new ResultId(resultId), group, name, "ร้อยละ",
                                       new BigDecimal("80"), Map.of(2565, new BigDecimal("70"), 2566, new BigDecimal("75.5")),
                                       List.of("https://example.org/evidence.pdf"), author, at(minute));
    }

    public static ResultDetachedEvent detached(String criterion, LevelKind level, String resultId, Author author,
                                               int minute) {
        return new ResultDetachedEvent(ID, c(criterion), level, new ResultId(resultId), author, at(minute));
    }

    public static AssessmentSubmittedEvent submitted(Author author, int minute) {
        return new AssessmentSubmittedEvent(ID, author, at(minute));
    }

    public static AssessmentReopenedEvent reopened(String reason, Author author, int minute) {
        return new AssessmentReopenedEvent(ID, reason, author, at(minute));
    }

    public static ProfileQuestionAnsweredEvent answered(int question, String text, long revision, Author author,
                                                        int minute) {
        return new ProfileQuestionAnsweredEvent(ID, new ProfileQuestionNumber(question), text, revision, author,
                                                at(minute));
    }

    public static CriterionAnalysisWrittenEvent analysis(String criterion, String text, long revision, Author author,
                                                         int minute) {
        return new CriterionAnalysisWrittenEvent(ID, c(criterion), text, revision, author, at(minute));
    }

    /** A report touched by every event type, by two authors. */
    public static List<AssessmentEvent> everyEventType() {
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(opened());
        events.add(profile(3, "ผู้รับบริการหลักคือประชาชนในจังหวัด", 1, SOMCHAI, 1));
        events.add(approach("1.1", LevelKind.BASIC, "ผู้บริหารกำหนดทิศทางองค์การ", 1, SOMCHAI, 2));
        events.add(deploy("1.1", LevelKind.BASIC, "ถ่ายทอดสู่ทุกหน่วยงาน", 1, SUDA, 3));
        events.add(resultText("1.1", LevelKind.BASIC, "บรรลุเป้าหมายร้อยละ ๘๐", 1, SUDA, 4));
        events.add(linkedProfile("1.1", List.of(1, 3), SOMCHAI, 5));
        events.add(linkedIndicators("1.1", List.of("7.1.1", "7.2.1"), SOMCHAI, 6));
        events.add(attached("1.1", LevelKind.ADVANCE, "r-1", "7.1.1", "ความสำเร็จของแผน", SUDA, 7));
        events.add(summary("1.1", "สรุปภาพรวมหมวด 1.1", 1, SOMCHAI, 8));
        events.add(rated("1.1", LevelKind.ADVANCE, 420, "มีการทบทวนเชิงรุก", SOMCHAI, 9));
        events.add(approach("1.1", LevelKind.BASIC, "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ", 2, SUDA, 10));
        events.add(detached("1.1", LevelKind.ADVANCE, "r-1", SUDA, 11));
        events.add(submitted(SOMCHAI, 12));
        events.add(reopened("แก้ไขหมวด 1", SOMCHAI, 13));
        return events;
    }
}
