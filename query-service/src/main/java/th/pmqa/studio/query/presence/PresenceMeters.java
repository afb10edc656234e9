package th.pmqa.studio.query.presence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.metrics.MeterNames;

import java.util.List;

/**
 * The presence entries this node's board holds ({@link MeterNames#PRESENCE_ENTRIES}): one per person, assessment and
 * browser tab, expired ones left out. Read from the board's last poll in memory, so a scrape costs no MongoDB read;
 * every node polls the same collection, so the nodes agree within a poll interval (sum them and you count twice).
 */
@Component
public class PresenceMeters {

    public PresenceMeters(PresenceBoard board, MeterRegistry registry) {
        Gauge.builder(MeterNames.PRESENCE_ENTRIES, board, PresenceMeters::entries)
             .description("People present, one entry per person, assessment and browser tab").register(registry);
    }

    static double entries(PresenceBoard board) {
        return board.current().values().stream().mapToInt(List::size).sum();
    }
}
