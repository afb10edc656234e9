package th.pmqa.studio.command.evidence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.evidence.EvidenceFiles;
import th.pmqa.studio.infra.metrics.MeterNames;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceBytesMeterTest {

    private final MongoDatabase database = MongoTestServer.freshDatabase("evidencebytes");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void tearDown() {
        database.drop();
    }

    private double gauge() {
        return registry.get(MeterNames.EVIDENCE_BYTES).gauge().value();
    }

    @Test
    void theEvidenceGaugeShowsTheBytesStoredInTheBucket() {
        EvidenceBytesMeter meter = new EvidenceBytesMeter(database, registry, Duration.ofDays(1));
        meter.measure();
        assertThat(gauge()).isZero();

        GridFSBucket bucket = GridFSBuckets.create(database, EvidenceFiles.BUCKET);
        bucket.uploadFromStream("a.pdf", new ByteArrayInputStream(new byte[300_000]));
        bucket.uploadFromStream("b.png", new ByteArrayInputStream(new byte[1_234]));
        GridFSBuckets.create(database, "other").uploadFromStream("c", new ByteArrayInputStream(new byte[99]));
        meter.measure();
        assertThat(gauge()).isEqualTo(301_234);
        meter.destroy();
    }
}
