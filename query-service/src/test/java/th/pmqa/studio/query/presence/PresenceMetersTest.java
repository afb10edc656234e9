package th.pmqa.studio.query.presence;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.access.Role;
import th.pmqa.studio.infra.access.StudioUser;
import th.pmqa.studio.infra.metrics.MeterNames;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.presence.PresenceEntry.Activity.EDITING;
import static th.pmqa.studio.query.presence.PresenceEntry.Activity.VIEWING;

class PresenceMetersTest {

    private static final Duration NEVER = Duration.ofDays(1);
    private final MongoDatabase database = MongoTestServer.freshDatabase("presencemeter");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"));
    private final PresenceBoard board = new PresenceBoard(new PresenceStore(database), clock, Duration.ofSeconds(30),
                                                          NEVER, NEVER);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void tearDown() {
        board.close();
        database.drop();
    }

    private double gauge() {
        return registry.get(MeterNames.PRESENCE_ENTRIES).gauge().value();
    }

    @Test
    void thePresenceGaugeCountsEveryPersonAndTabOnTheBoardAndForgetsExpiredOnes() {
        new PresenceMeters(board, registry);
        assertThat(gauge()).isZero();

        board.heartbeat("KKN-2567", new StudioUser("u-1", "สมศรี", "KKN", Set.of(Role.EDITOR)), "tab-1", "criteria/1.1", EDITING);
        board.heartbeat("KKN-2567", new StudioUser("u-1", "สมศรี", "KKN", Set.of(Role.EDITOR)), "tab-2", "criteria/1.2", VIEWING);
        board.heartbeat("NMA-2567", new StudioUser("u-2", "สมชาย", "NMA", Set.of(Role.LEAD)), "tab-1", null, VIEWING);
        assertThat(gauge()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(31));
        assertThat(gauge()).isZero();
    }
}
