package th.pmqa.studio.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the projection's segments among the query nodes that are up. Axon's tracking processor claims every
 * segment it can and never gives one back by itself (balancing is an Axon Server feature), so the node that
 * started first would keep them all. Each node records a heartbeat in MongoDB (the server's clock, so nodes' clocks
 * need not agree) with the number of segments it works; a node that works more than its share (segments / live
 * nodes, rounded up) while another live node works fewer releases one segment, and the other node's processor
 * claims it at its next attempt (every token claim interval, 5 s). A node that stops heart-beating for
 * {@code studio.projection.node-timeout} no longer counts, so the survivors take its segments back once its claims
 * expire.
 */
@Component
public class SegmentBalancer {

    public static final String COLLECTION = "projection_nodes";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final MongoCollection<Document> nodes;
    private final Duration nodeTimeout;
    private final String nodeId = UUID.randomUUID().toString();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "segment-balancer");
        t.setDaemon(true);
        return t;
    });
    /** After a release, give the other node time to claim it before judging again (server time, ms). */
    private long quietUntil;
    private boolean failing;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, MongoDatabase database,
                           @Value("${studio.projection.balance-interval:2s}") Duration interval,
                           @Value("${studio.projection.node-timeout:10s}") Duration nodeTimeout) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.nodes = database.getCollection(COLLECTION);
        this.nodeTimeout = nodeTimeout;
        timer.scheduleWithFixedDelay(this::balance, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void balance() {
        try {
            StreamingEventProcessor processor = processing
                    .eventProcessor(AssessmentProjector.PROCESSING_GROUP, StreamingEventProcessor.class).orElse(null);
            if (processor == null) {
                return;
            }
            boolean running = processor.isRunning();
            List<Integer> claimed = new ArrayList<>(processor.processingStatus().keySet());
            nodes.updateOne(Filters.eq("_id", nodeId),
                            Updates.combine(Updates.currentDate("seen"), Updates.set("running", running),
                                            Updates.set("claimed", claimed.size()),
                                            Updates.set("capacity", processor.maxCapacity())),
                            new UpdateOptions().upsert(true));
            Document self = nodes.find(Filters.eq("_id", nodeId)).first();
            long now = self.getDate("seen").getTime();
            List<Document> live = nodes.find(Filters.gte("seen", new Date(now - nodeTimeout.toMillis())))
                                       .into(new ArrayList<>());
            nodes.deleteMany(Filters.lt("seen", new Date(now - 60 * nodeTimeout.toMillis())));
            failing = false;

            int segments = tokenStore.fetchSegments(processor.getName()).length;
            if (!running || segments == 0 || now < quietUntil) {
                return;
            }
            int share = (segments + live.size() - 1) / live.size();
            boolean anotherIsShort = live.stream().anyMatch(node -> !nodeId.equals(node.getString("_id"))
                    && Boolean.TRUE.equals(node.getBoolean("running"))
                    && node.getInteger("claimed", 0) < Math.min(share, node.getInteger("capacity", share)));
            if (claimed.size() > share && anotherIsShort) {
                int segment = Collections.max(claimed);
                log.info("Releasing segment {} of {}: this node works {} of {} segments, its share among {} query nodes is {}",
                         segment, processor.getName(), claimed.size(), segments, live.size(), share);
                processor.releaseSegment(segment);
                // by then the release (two claim intervals) is over and the other node has had two tries at it
                quietUntil = now + nodeTimeout.toMillis() * 3 / 2;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Segment balancing skipped: {}", e.getMessage());
            }
            failing = true;
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            nodes.deleteOne(Filters.eq("_id", nodeId));
        } catch (RuntimeException e) {
            // the heartbeat simply expires
        }
    }
}
