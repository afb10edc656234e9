package th.pmqa.studio.query.comment;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.comment.CommentAddedEvent;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.CommentThreadEvent;
import th.pmqa.studio.comment.CommentThreadReopenedEvent;
import th.pmqa.studio.comment.CommentThreadResolvedEvent;
import th.pmqa.studio.comment.CommentThreadStartedEvent;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.store.CommentLogStore;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.report.AssessmentId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;
import static th.pmqa.studio.infra.testing.Personas.FACILITATOR;

/** The comment projection on plain objects and a test MongoDB database: no processor, no Spring. */
class CommentProjectorTest {

    static final AssessmentId KKN = new AssessmentId("KKN-2567");
    static final ThreadId T1 = new ThreadId("t-1");
    static final ThreadId T2 = new ThreadId("t-2");
    static final Instant AT = Instant.parse("2024-05-01T03:00:00Z");
    static final String THAI = "ผู้นำ่ควรทบทวน ๑๒๓ 👩‍💼 @u-12 ช่วยดู";

    MongoDatabase database;
    CommentThreadStore threads;
    CommentLogStore log;
    CommentProjector projector;

    @BeforeEach
    void freshDatabase() {
        database = MongoTestServer.freshDatabase("comments");
        threads = new CommentThreadStore(database);
        log = new CommentLogStore(database);
        projector = new CommentProjector(threads, log);
    }

    /** Events with their global positions, as the processor hands them over (other events lie between). */
    static Map<Long, CommentThreadEvent> events() {
        Map<Long, CommentThreadEvent> events = new java.util.LinkedHashMap<>();
        events.put(5L, new CommentThreadStartedEvent(T1, KKN, "criteria/1.1/basic/approach", new CommentId("c-1"), THAI,
                List.of("u-12"), SOMSRI, AT));
        events.put(7L, new CommentThreadStartedEvent(T2, KKN, "profile/3", new CommentId("c-2"), "ดีแล้ว", List.of(),
                SOMSRI, AT.plusSeconds(1)));
        events.put(9L, new CommentAddedEvent(T1, KKN, "criteria/1.1/basic/approach", new CommentId("c-3"),
                "รับทราบ @u-1 และ @u-12", List.of("u-1", "u-12"), FACILITATOR, AT.plusSeconds(2)));
        events.put(12L, new CommentThreadResolvedEvent(T1, KKN, "criteria/1.1/basic/approach", SOMSRI, AT.plusSeconds(3)));
        events.put(15L, new CommentThreadReopenedEvent(T1, KKN, "criteria/1.1/basic/approach", FACILITATOR,
                AT.plusSeconds(4)));
        events.put(16L, new CommentThreadResolvedEvent(T1, KKN, "criteria/1.1/basic/approach", SOMSRI, AT.plusSeconds(5)));
        return events;
    }

    void project(Map<Long, CommentThreadEvent> events) {
        events.forEach((position, event) -> projector.apply(event, position));
    }

    @Test
    void aThreadHoldsItsCommentsOldestFirstWithTextByteExactAndItsStatus() {
        project(events());

        CommentThreadView thread = threads.load("t-1").orElseThrow();
        assertThat(thread.status()).isEqualTo(ThreadStatus.RESOLVED);
        assertThat(thread.resolvedBy()).isEqualTo(SOMSRI);
        assertThat(thread.section()).isEqualTo("criteria/1.1/basic/approach");
        assertThat(thread.comments()).extracting(CommentThreadView.Comment::commentId).containsExactly("c-1", "c-3");
        assertThat(thread.comments().get(0).text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(THAI.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(thread.mentions()).containsExactly("u-12", "u-1");
        assertThat(thread.position()).isEqualTo(16);
        assertThat(thread.startPosition()).isEqualTo(5);
    }

    @Test
    void threadsAreFoundBySectionByStatusAndByMention() {
        project(events());

        assertThat(threads.find("KKN-2567", null, null, null)).extracting(CommentThreadView::threadId)
                .containsExactly("t-1", "t-2");
        assertThat(threads.find("KKN-2567", "profile/3", null, null)).extracting(CommentThreadView::threadId)
                .containsExactly("t-2");
        assertThat(threads.find("KKN-2567", null, ThreadStatus.OPEN, null)).extracting(CommentThreadView::threadId)
                .containsExactly("t-2");
        assertThat(threads.find("KKN-2567", null, null, "u-1")).extracting(CommentThreadView::threadId)
                .containsExactly("t-1");
        assertThat(threads.find("KKN-2567", null, null, "u-99")).isEmpty();
        assertThat(threads.find("CMI-2567", null, null, null)).isEmpty();
    }

    private List<ChangeEntry> entries(String section) {
        try (var entries = log.entries("KKN-2567", section, null, null, null)) {
            return entries.toList();
        }
    }

    @Test
    void eachEventIsAnEntryOfItsSectionsHistoryAtItsPosition() {
        project(events());

        List<ChangeEntry> criterion = entries("criteria/1.1");
        assertThat(criterion).extracting(ChangeEntry::position).containsExactly(5L, 9L, 12L, 15L, 16L);
        assertThat(criterion).extracting(ChangeEntry::kind)
                .containsExactly("COMMENT", "COMMENT", "COMMENT_RESOLVED", "COMMENT_REOPENED", "COMMENT_RESOLVED");
        assertThat(criterion.get(0).what()).isEqualTo("basic/approach");
        assertThat(criterion.get(0).summary()).contains("t-1", THAI);
        assertThat(criterion.get(0).criterionId()).isEqualTo("1.1");
        assertThat(criterion.get(1).author()).isEqualTo(FACILITATOR);
        List<ChangeEntry> item = entries("profile/3");
        assertThat(item).singleElement().satisfies(e -> {
            assertThat(e.profileItem()).isEqualTo(3);
            assertThat(e.after()).isEqualTo("ดีแล้ว");
        });
        assertThat(log.count("KKN-2567", "criteria/1.1", "f-9", null, null)).isEqualTo(2);
    }

    @Test
    void applyingTheSameEventsAgainLeavesTheSameDocuments() {
        project(events());
        List<Document> once = all();

        project(events()); // a replay after a crash, before the token was stored
        assertThat(all()).isEqualTo(once);

        // a replay from the middle, as after a crash in the middle of a batch
        Map<Long, CommentThreadEvent> tail = new java.util.LinkedHashMap<>(events());
        tail.keySet().removeIf(position -> position < 9);
        project(tail);
        assertThat(all()).isEqualTo(once);
    }

    @Test
    void aRebuildDropsEverythingAndTheReplayGivesTheSameDocuments() {
        project(events());
        List<Document> before = all();

        projector.reset();
        assertThat(all()).isEmpty();
        project(events());
        assertThat(all()).isEqualTo(before);
    }

    private List<Document> all() {
        List<Document> docs = new ArrayList<>();
        for (String collection : List.of(CommentThreadStore.COLLECTION, CommentLogStore.COLLECTION)) {
            database.getCollection(collection).find().sort(new Document("_id", 1)).into(docs);
        }
        return docs;
    }
}
