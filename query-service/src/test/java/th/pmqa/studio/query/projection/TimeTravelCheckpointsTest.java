package th.pmqa.studio.query.projection;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.view.ReportJson;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.report.ProfileItemDraftedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

class TimeTravelCheckpointsTest {

    private static final AssessmentId ID = AssessmentId.of("KKN", 2567);
    private static final int EDITS = 2_100;

    private final MongoDatabase database = MongoTestServer.freshDatabase("checkpoints");
    private final MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
            .eventSerializer(JacksonSerializer.defaultSerializer()).snapshotSerializer(JacksonSerializer.defaultSerializer())
            .build();

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private void storeEdits() {
        // The budget and the exactness are TimeTravel's own arithmetic over a cursor read that ConcurrentWritersTest and
        // the end-to-end tests already run on every server; storing 2,100 events twice costs minutes on FerretDB.
        MongoTestServer.onlyOnTheEmbeddedServer("checkpoint budgets are server-independent");
        List<EventMessage<?>> commit = new ArrayList<>();
        commit.add(new GenericDomainEventMessage<>("Assessment", ID.value(), 0, new AssessmentOpenedEvent(
                ID, "KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, 2567, "pmqa-4.0/2567", SOMSRI, Instant.now())));
        for (int i = 1; i <= EDITS; i++) {
            int item = 1 + i % 29;
            commit.add(new GenericDomainEventMessage<>("Assessment", ID.value(), i, new ProfileItemDraftedEvent(
                    ID, item, "บริบทขององค์การ ฉบับที่ " + i, 1 + i / 29, SOMSRI, Instant.now())));
            if (commit.size() == 100) {
                engine.appendEvents(commit);
                commit.clear();
            }
        }
        engine.appendEvents(commit);
    }

    @Test
    void theCheckpointsOfALongAssessmentStayWithinTheirBudgetAndTravelStaysExact() {
        storeEdits();
        TimeTravel unbounded = new TimeTravel(engine, Long.MAX_VALUE);
        String atEnd = ReportJson.write(unbounded.latest(ID.value()).orElseThrow());
        long oneCheckpoint = unbounded.checkpointBytes() / (EDITS / TimeTravel.CHECKPOINT_EVERY);
        long budget = oneCheckpoint * 5 / 2; // room for two of the four

        TimeTravel bounded = new TimeTravel(engine, budget);

        assertThat(ReportJson.write(bounded.latest(ID.value()).orElseThrow())).isEqualTo(atEnd);
        assertThat(bounded.checkpointBytes()).isPositive().isLessThanOrEqualTo(budget);
        for (long position : new long[]{2, 600, 1_234, 2_050, engine.headPosition()}) {
            assertThat(ReportJson.write(bounded.atPosition(ID.value(), position).orElseThrow()))
                    .as("at %d", position)
                    .isEqualTo(ReportJson.write(unbounded.atPosition(ID.value(), position).orElseThrow()));
            assertThat(bounded.checkpointBytes()).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void withNoRoomForCheckpointsEveryTravelFoldsFromTheStartAndIsStillExact() {
        storeEdits();
        TimeTravel none = new TimeTravel(engine, 0);
        TimeTravel unbounded = new TimeTravel(engine, Long.MAX_VALUE);

        assertThat(ReportJson.write(none.atPosition(ID.value(), 1_500).orElseThrow()))
                .isEqualTo(ReportJson.write(unbounded.atPosition(ID.value(), 1_500).orElseThrow()));
        assertThat(none.checkpointBytes()).isZero();
    }
}
