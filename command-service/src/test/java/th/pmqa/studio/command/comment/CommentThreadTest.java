package th.pmqa.studio.command.comment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.rejection.TextTooLongException;
import th.pmqa.studio.command.comment.commands.AddCommentCommand;
import th.pmqa.studio.comment.CommentAddedEvent;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.CommentThreadReopenedEvent;
import th.pmqa.studio.comment.CommentThreadResolvedEvent;
import th.pmqa.studio.comment.CommentThreadStartedEvent;
import th.pmqa.studio.command.comment.commands.ReopenCommentThreadCommand;
import th.pmqa.studio.command.comment.commands.ResolveCommentThreadCommand;
import th.pmqa.studio.command.comment.commands.StartCommentThreadCommand;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.report.AssessmentId;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.command.rejection.Rejections.rejected;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;
import static th.pmqa.studio.infra.testing.Personas.FACILITATOR;

class CommentThreadTest {

    static final ThreadId THREAD = new ThreadId("t-1");
    static final AssessmentId KKN = new AssessmentId("KKN-2567");
    static final String CATALOG = "pmqa-4.0/2567";
    static final String SECTION = "criteria/1.1/basic/approach";
    static final CommentId FIRST = new CommentId("c-1");
    static final CommentId SECOND = new CommentId("c-2");
    static final Instant T0 = Instant.parse("2024-05-01T03:00:00Z");
    static final Instant T1 = Instant.parse("2024-05-02T04:30:00Z");
    /** Tone marks on combining vowels, Thai digits and a ZWJ emoji sequence: stored byte for byte. */
    static final String THAI = "ผู้นำ่ควรทบทวน ๑๒๓ 👩‍💼 @u-12 ช่วยดู";

    FixtureConfiguration<CommentThread> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(CommentThread.class);
    }

    static CommentThreadStartedEvent started() {
        return new CommentThreadStartedEvent(THREAD, KKN, SECTION, FIRST, THAI, List.of("u-12"), SOMSRI, T0);
    }

    static StartCommentThreadCommand start(String section, String text) {
        return new StartCommentThreadCommand(THREAD, KKN, CATALOG, section, FIRST, text, SOMSRI);
    }

    @Nested
    class Starting {

        @Test
        void aThreadStartsOnASectionWithItsFirstCommentStoredExactlyAsSent() {
            fixture.givenCurrentTime(T0)
                    .when(start(SECTION, THAI))
                    .expectEvents(started())
                    .expectResultMessagePayload(THREAD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"profile/1", "profile/29", "criteria/1.1/summary", "criteria/6.3/significance/result",
                                "criteria/2.2/advance/deploy", "profile/questions/6", "profile/questions/13",
                                "criteria/1.1/analysis"})
        void everyKindOfSectionOfTheCatalogCanBeCommentedOn(String section) {
            fixture.givenCurrentTime(T0)
                    .when(start(section, "ดีมาก"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CommentThreadStartedEvent(THREAD, KKN, section, FIRST, "ดีมาก", List.of(), SOMSRI, T0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "profile/0", "profile/03", "profile/99", "profile/x", "criteria/9.9/summary",
                                "criteria/1.1/expert/approach", "criteria/1.1/basic/plan", "criteria/1.1",
                                "criteria/1.1/basic/approach/extra", "assessment", "profile/questions/0",
                                "profile/questions/14", "profile/questions/06", "profile/questions/x", "profile/questions",
                                "criteria/9.9/analysis", "criteria/1.1/analysis/x"})
        void aSectionOutsideTheCatalogIsRefusedWithFieldSection(String section) {
            fixture.givenNoPriorActivity()
                    .when(start(section, "ดีมาก"))
                    .expectException(rejected(InvalidInputException.class, "section"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", " \t\r\n"})
        void anEmptyCommentIsRefusedWithFieldText(String text) {
            fixture.givenNoPriorActivity()
                    .when(start(SECTION, text))
                    .expectException(rejected(InvalidInputException.class, "text"))
                    .expectNoEvents();
        }

        @Test
        void aCommentLongerThanTheCommentLimitIsRefusedWithFieldText() {
            fixture.givenNoPriorActivity()
                    .when(start(SECTION, "ก".repeat(CommentThread.MAX_COMMENT_CHARS + 1)))
                    .expectException(rejected(TextTooLongException.class, "text"))
                    .expectNoEvents();
        }

        @Test
        void theLimitCountsCharactersNotUtf16UnitsSoEmojiUpToTheLimitPass() {
            fixture.givenCurrentTime(T0)
                    .when(start(SECTION, "👍".repeat(CommentThread.MAX_COMMENT_CHARS)))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Replying {

        @Test
        void aReplyIsAddedToAnOpenThreadWithItsMentions() {
            fixture.given(started())
                    .andGivenCurrentTime(T1)
                    .when(new AddCommentCommand(THREAD, KKN, SECOND, "รับทราบ @u-1 ครับ", FACILITATOR))
                    .expectEvents(new CommentAddedEvent(THREAD, KKN, SECTION, SECOND, "รับทราบ @u-1 ครับ",
                            List.of("u-1"), FACILITATOR, T1))
                    .expectResultMessagePayload(SECOND);
        }

        @Test
        void aReplyToAResolvedThreadIsAConflict() {
            fixture.given(started(), new CommentThreadResolvedEvent(THREAD, KKN, SECTION, SOMSRI, T1))
                    .when(new AddCommentCommand(THREAD, KKN, SECOND, "อีกเรื่อง", FACILITATOR))
                    .expectException(rejected(ConflictException.class, "threadId"))
                    .expectNoEvents();
        }

        @Test
        void aThreadHoldsAtMostTwoHundredCommentsSoItsReadModelStaysStorable() {
            List<Object> events = new java.util.ArrayList<>(List.of(started()));
            for (int i = 1; i < CommentThread.MAX_COMMENTS; i++) {
                events.add(new CommentAddedEvent(THREAD, KKN, SECTION, new CommentId(java.util.UUID.randomUUID().toString()),
                        "ความเห็นที่ " + i, List.of(), FACILITATOR, T1));
            }
            fixture.given(events.toArray())
                    .when(new AddCommentCommand(THREAD, KKN, SECOND, "อีกความเห็น", FACILITATOR))
                    .expectException(rejected(ConflictException.class, "threadId"))
                    .expectNoEvents();
            fixture.given(events.subList(0, events.size() - 1).toArray())
                    .when(new AddCommentCommand(THREAD, KKN, SECOND, "ความเห็นสุดท้าย", FACILITATOR))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anEmptyReplyIsRefusedWithFieldText() {
            fixture.given(started())
                    .when(new AddCommentCommand(THREAD, KKN, SECOND, "  ", FACILITATOR))
                    .expectException(rejected(InvalidInputException.class, "text"))
                    .expectNoEvents();
        }

        @Test
        void aReplyLongerThanTheCommentLimitIsRefusedWithFieldText() {
            fixture.given(started())
                    .when(new AddCommentCommand(THREAD, KKN, SECOND, "ข".repeat(CommentThread.MAX_COMMENT_CHARS + 1),
                            FACILITATOR))
                    .expectException(rejected(TextTooLongException.class, "text"))
                    .expectNoEvents();
        }

        @Test
        void aThreadAddressedUnderAnotherAssessmentIsNotFound() {
            fixture.given(started())
                    .when(new AddCommentCommand(THREAD, new AssessmentId("CMI-2567"), SECOND, "ดี", FACILITATOR))
                    .expectException(rejected(NotFoundException.class, "threadId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ResolvingAndReopening {

        @Test
        void anOpenThreadIsResolved() {
            fixture.given(started())
                    .andGivenCurrentTime(T1)
                    .when(new ResolveCommentThreadCommand(THREAD, KKN, SOMSRI))
                    .expectEvents(new CommentThreadResolvedEvent(THREAD, KKN, SECTION, SOMSRI, T1))
                    .expectResultMessagePayload(ThreadStatus.RESOLVED);
        }

        @Test
        void resolvingAResolvedThreadIsAConflict() {
            fixture.given(started(), new CommentThreadResolvedEvent(THREAD, KKN, SECTION, SOMSRI, T1))
                    .when(new ResolveCommentThreadCommand(THREAD, KKN, SOMSRI))
                    .expectException(rejected(ConflictException.class, "threadId"))
                    .expectNoEvents();
        }

        @Test
        void aResolvedThreadIsReopenedAndThenTakesRepliesAgain() {
            fixture.given(started(), new CommentThreadResolvedEvent(THREAD, KKN, SECTION, SOMSRI, T1))
                    .andGivenCurrentTime(T1)
                    .when(new ReopenCommentThreadCommand(THREAD, KKN, FACILITATOR))
                    .expectEvents(new CommentThreadReopenedEvent(THREAD, KKN, SECTION, FACILITATOR, T1))
                    .expectResultMessagePayload(ThreadStatus.OPEN);
            fixture.given(started(), new CommentThreadResolvedEvent(THREAD, KKN, SECTION, SOMSRI, T1),
                            new CommentThreadReopenedEvent(THREAD, KKN, SECTION, FACILITATOR, T1))
                    .when(new AddCommentCommand(THREAD, KKN, SECOND, "ยังไม่ครบ", FACILITATOR))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void reopeningAnOpenThreadIsAConflict() {
            fixture.given(started())
                    .when(new ReopenCommentThreadCommand(THREAD, KKN, FACILITATOR))
                    .expectException(rejected(ConflictException.class, "threadId"))
                    .expectNoEvents();
        }

        @Test
        void resolvingAThreadOfAnotherAssessmentIsNotFound() {
            fixture.given(started())
                    .when(new ResolveCommentThreadCommand(THREAD, new AssessmentId("CMI-2567"), SOMSRI))
                    .expectException(rejected(NotFoundException.class, "threadId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class MentionsInText {

        @Test
        void aMentionSurroundedByThaiIsFound() {
            assertThat(Mentions.in("ขอ@u-12ช่วยดูค่ะ")).containsExactly("u-12");
            assertThat(Mentions.in("@u-12 ช่วยดู")).containsExactly("u-12");
        }

        @Test
        void eachUserIsMentionedOnceInOrderOfFirstMention() {
            assertThat(Mentions.in("@b.c ดู @a_1 และ @b.c อีกครั้ง @a_1")).containsExactly("b.c", "a_1");
        }

        @Test
        void anEmailAddressMentionsNobody() {
            assertThat(Mentions.in("ส่งไปที่ somsri@example.go.th หรือ a@b.c")).isEmpty();
        }

        @Test
        void aDotEndingTheSentenceIsNotPartOfTheId() {
            assertThat(Mentions.in("ถาม @u-12.")).containsExactly("u-12");
            assertThat(Mentions.in("ถาม @somchai.k. แล้ว")).containsExactly("somchai.k");
        }

        @Test
        void anAtSignAloneOrFollowedByThaiMentionsNobody() {
            assertThat(Mentions.in("@ ว่าง @สมศรี @. @")).isEmpty();
        }

        @Test
        void theStartedEventCarriesTheMentionsOfTheFirstComment() {
            fixture.givenCurrentTime(T0)
                    .when(start(SECTION, "@u-12 และ @u-7 ช่วยดู @u-12"))
                    .expectEvents(new CommentThreadStartedEvent(THREAD, KKN, SECTION, FIRST,
                            "@u-12 และ @u-7 ช่วยดู @u-12", List.of("u-12", "u-7"), SOMSRI, T0));
        }
    }
}
