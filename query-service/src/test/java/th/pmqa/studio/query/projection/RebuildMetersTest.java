package th.pmqa.studio.query.projection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.metrics.MeterNames;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The rebuild gauges follow the status the operator sees ({@code GET /api/admin/projections}, "lastRebuild"). */
class RebuildMetersTest {

    private final ProjectionStatus projection = mock(ProjectionStatus.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RebuildMeters meters = new RebuildMeters(projection, registry, Duration.ofDays(1));

    private static Map<String, Object> status(Long processed, Long total) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("processor", "assessment-projection");
        if (processed != null) {
            status.put("lastRebuild", Map.of("processed", processed, "total", total, "done", processed.equals(total)));
        }
        return status;
    }

    private double gauge(String name) {
        return registry.get(name).tag("processor", "assessment-projection").gauge().value();
    }

    @Test
    void theRebuildGaugesShowEventsReplayedAndToReplayAndStayAtZeroBeforeAnyRebuild() {
        when(projection.status()).thenReturn(status(null, null));
        meters.measure();
        assertThat(gauge(MeterNames.REBUILD_REPLAYED)).isZero();
        assertThat(gauge(MeterNames.REBUILD_TARGET)).isZero();

        when(projection.status()).thenReturn(status(400L, 1_000L));
        meters.measure();
        assertThat(gauge(MeterNames.REBUILD_REPLAYED)).isEqualTo(400);
        assertThat(gauge(MeterNames.REBUILD_TARGET)).isEqualTo(1_000);

        when(projection.status()).thenReturn(status(1_000L, 1_000L));
        meters.measure();
        assertThat(gauge(MeterNames.REBUILD_REPLAYED)).isEqualTo(1_000);
    }

    @Test
    void whenTheStatusCannotBeReadTheGaugesKeepTheirLastValues() {
        when(projection.status()).thenReturn(status(400L, 1_000L));
        meters.measure();
        when(projection.status()).thenThrow(new IllegalStateException("MongoDB is away"));
        meters.measure();
        assertThat(gauge(MeterNames.REBUILD_REPLAYED)).isEqualTo(400);
    }
}
