package th.pmqa.studio.query.projection;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.query.model.TestEvents.*;

class TimeTravelTest {

    /**
     * Issue 11: every time-travel request past a word-by-word rewrite of a long text recomputed its word diff (27–49
     * s each) and threw it away. Time travel only moves the state on; the diff belongs to the history.
     */
    @Test
    void travellingPastALongTextRewrittenWordByWordGivesTheTextAsItWasAtEachPosition() {
        MongoDatabase database = MongoTestServer.client().getDatabase(MongoTestServer.freshDatabaseName("timetravel"));
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                                                                .snapshotSerializer(serializer).build();
        String id = ID.value();
        String first = "a ".repeat(25_000);
        String second = "b ".repeat(25_000);
        List<Object> events = List.of(opened(), approach("1.1", BASIC, first, 1, SOMCHAI, 1),
                                      approach("1.1", BASIC, second, 2, SUDA, 2));
        for (int i = 0; i < events.size(); i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Assessment", id, i, events.get(i)));
        }
        long head = engine.headPosition();
        TimeTravel travel = new TimeTravel(engine);

        ReportState latest = travel.atPosition(id, head).orElseThrow();
        ReportState before = travel.atPosition(id, head - 1).orElseThrow();

        assertThat(latest.criteria.get("1.1").parts.get("basic/approach").text()).isEqualTo(second);
        assertThat(before.criteria.get("1.1").parts.get("basic/approach").text()).isEqualTo(first);
        database.drop();
    }

    /**
     * The fold time travel runs refers to no diff and no description at all: reading the compiled classes' constant
     * pools, neither it nor time travel names a diff or the steps that describe changes (issue 15: the fold used to
     * write each change's Thai summary and before/after texts, which time travel threw away).
     */
    @Test
    void theFoldTimeTravelRunsNamesNoDiffAndNoDescription() throws IOException {
        List<String> diffing = List.of("th/pmqa/studio/query/model/TextDiff", "th/pmqa/studio/text/WordDiff",
                                       "th/pmqa/studio/text/WordTokens", "th/pmqa/studio/query/model/ChangeDescriber",
                                       "th/pmqa/studio/query/model/RowChanges");
        for (Class<?> type : List.of(TimeTravel.class, ReportFold.class, rowsFold())) {
            String names = referencedNames(type);
            assertThat(diffing).as("diffing classes %s refers to", type.getSimpleName()).filteredOn(names::contains)
                               .isEmpty();
        }
    }

    /**
     * Issue 15: the fold used to write every change's summary (in Thai) as it moved the state on. The classes time
     * travel runs hold no Thai text and no summary wording now: describing is the projector's alone.
     */
    @Test
    void theFoldTimeTravelRunsWritesNoSummaries() throws IOException {
        for (Class<?> type : List.of(TimeTravel.class, ReportFold.class, rowsFold())) {
            String constants = new String(readClass(type), StandardCharsets.UTF_8);

            assertThat(constants.codePoints().filter(c -> c >= 0x0E00 && c <= 0x0E7F).count())
                    .as("Thai characters in the constants of %s", type.getSimpleName()).isZero();
            assertThat(constants).as(type.getSimpleName()).doesNotContain(" revision ", "linked OP items");
        }
    }

    /** The fold's part for revisioned rows, package-private to the report package. */
    private static Class<?> rowsFold() {
        try {
            return Class.forName("th.pmqa.studio.query.model.RowsFold");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Class names a compiled class refers to appear in its constant pool as plain (modified UTF-8) strings. */
    private static String referencedNames(Class<?> type) throws IOException {
        return new String(readClass(type), StandardCharsets.ISO_8859_1);
    }

    private static byte[] readClass(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
