package th.pmqa.studio.query.timetravel;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.report.ReportFold;
import th.pmqa.studio.query.report.ReportState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.query.report.TestEvents.*;

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
     * The fold time travel runs refers to no diff at all: reading the compiled classes' constant pools, neither it
     * nor time travel names a diff or the step that describes changes with one.
     */
    @Test
    void theFoldTimeTravelRunsNamesNoDiff() throws IOException {
        List<String> diffing = List.of("th/pmqa/studio/query/diff/TextDiff", "th/pmqa/studio/text/WordDiff",
                                       "th/pmqa/studio/text/WordTokens", "th/pmqa/studio/query/report/ChangeDescriber");
        for (Class<?> type : List.of(TimeTravel.class, ReportFold.class)) {
            String names = referencedNames(type);
            assertThat(diffing).as("diffing classes %s refers to", type.getSimpleName()).filteredOn(names::contains)
                               .isEmpty();
        }
    }

    /** Class names a compiled class refers to appear in its constant pool as plain (modified UTF-8) strings. */
    private static String referencedNames(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
