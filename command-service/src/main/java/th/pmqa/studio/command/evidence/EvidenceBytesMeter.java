package th.pmqa.studio.command.evidence;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.evidence.EvidenceFiles;
import th.pmqa.studio.infra.metrics.MeterNames;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bytes of evidence stored in GridFS ({@link MeterNames#EVIDENCE_BYTES}), read from the bucket itself: the sum of the
 * {@code length} of every file in {@code evidence.files}, so it counts what is stored whichever node took the upload,
 * and an upload that was aborted never counts. Measured every {@code studio.metrics.evidence-interval} (1 min) off
 * the scrape's path (one aggregation over the files' metadata, not their chunks); when the store cannot be read the
 * gauge keeps its last value.
 */
@Component
public class EvidenceBytesMeter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EvidenceBytesMeter.class);

    private final MongoDatabase database;
    private final Duration interval;
    private volatile double bytes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "evidence-bytes-meter");
        thread.setDaemon(true);
        return thread;
    });

    public EvidenceBytesMeter(MongoDatabase studioDatabase, MeterRegistry registry,
                              @Value("${studio.metrics.evidence-interval:1m}") Duration interval) {
        this.database = studioDatabase;
        this.interval = interval;
        Gauge.builder(MeterNames.EVIDENCE_BYTES, this, meter -> meter.bytes).baseUnit("bytes")
             .description("Bytes of evidence files stored in the GridFS bucket 'evidence'").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        timer.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void measure() {
        try {
            bytes = storedBytes(database);
        } catch (RuntimeException e) {
            log.debug("evidence bytes not measured this time", e);
        }
    }

    static long storedBytes(MongoDatabase database) {
        Document sum = database.getCollection(EvidenceFiles.BUCKET + ".files")
                               .aggregate(List.of(new Document("$group", new Document("_id", null)
                                       .append("bytes", new Document("$sum", "$length")))))
                               .first();
        return sum == null ? 0 : ((Number) sum.get("bytes")).longValue();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
