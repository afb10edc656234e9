package th.pmqa.studio.query.faults;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.report.ApproachDraftedEvent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer per sub-criterion editing its basic approach over and over through HTTP, remembering every edit that
 * got a 2xx: the load the fault tests break things under, and the check that nothing acknowledged was lost.
 */
final class EditLoad implements AutoCloseable {

    record Ack(String criterion, long revision, String text) {
    }

    private final List<Ack> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService writers;

    private EditLoad(WebClient http, String assessmentId, List<String> criteria) {
        writers = Executors.newFixedThreadPool(criteria.size());
        for (String criterion : criteria) {
            writers.submit(() -> {
                long revision = 0;
                for (int i = 0; !stop.get(); i++) {
                    String text = "ข้อความ " + criterion + " ครั้งที่ " + i;
                    try {
                        Map<?, ?> answer = http.put().uri("/api/assessments/{id}/criteria/{c}/levels/basic/approach",
                                                          assessmentId, criterion)
                                               .contentType(MediaType.APPLICATION_JSON)
                                               .bodyValue(Map.of("text", text, "baseRevision", revision))
                                               .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(15));
                        revision = ((Number) answer.get("revision")).longValue();
                        acknowledged.add(new Ack(criterion, revision, text));
                    } catch (WebClientResponseException.Conflict stale) {
                        // stored, but the answer was lost with the process: go on from what is stored
                        revision = ((Number) stale.getResponseBodyAs(Map.class).get("currentRevision")).longValue();
                    } catch (WebClientResponseException.ServiceUnavailable refused) {
                        unavailable.incrementAndGet();
                        TimeUnit.MILLISECONDS.sleep(200); // pacing the load, not waiting for a condition
                    } catch (RuntimeException down) {
                        TimeUnit.MILLISECONDS.sleep(100); // the service is down: pacing, nothing was acknowledged
                    }
                }
                return null;
            });
        }
    }

    static String openAssessment(WebClient http, String organizationCode) {
        return (String) http.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("organizationCode", organizationCode, "organizationName", "จังหวัดทดสอบ",
                                              "organizationType", "PROVINCE", "fiscalYear", 2567,
                                              "catalogVersion", "pmqa-4.0/2567"))
                            .retrieve().bodyToMono(Map.class).block().get("assessmentId");
    }

    static EditLoad start(WebClient http, String assessmentId, List<String> criteria) {
        return new EditLoad(http, assessmentId, criteria);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int refusedAsUnavailable() {
        return unavailable.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Every acknowledged edit is in the event store with its revision and exact text, and each section's revisions
     * run from 1 without a hole (no half-written commit). Returns the stored texts per criterion and revision. The
     * writers may go on meanwhile: the check covers what was acknowledged when it began.
     */
    Map<String, Map<Long, String>> assertAllStored(MongoDatabase db, String assessmentId) {
        // the edits acknowledged before the read: the writers may still be at work
        List<Ack> acknowledgedBefore = List.copyOf(acknowledged);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db).eventSerializer(serializer)
                                                                .snapshotSerializer(serializer).createIndexes(false).build();
        Map<String, Map<Long, String>> stored = new HashMap<>();
        engine.readEvents(assessmentId).asStream().map(DomainEventMessage::getPayload)
              .filter(ApproachDraftedEvent.class::isInstance).map(ApproachDraftedEvent.class::cast)
              .forEach(e -> stored.computeIfAbsent(e.criterion().value(), k -> new HashMap<>()).put(e.revision(), e.text()));
        List<Ack> missing = acknowledgedBefore.stream()
                .filter(ack -> !ack.text().equals(stored.getOrDefault(ack.criterion(), Map.of()).get(ack.revision())))
                .toList();
        assertThat(missing).as("%d of %d acknowledged edits are not stored as acknowledged", missing.size(),
                               acknowledgedBefore.size()).isEmpty();
        stored.forEach((criterion, revisions) ->
                assertThat(revisions.keySet()).as(criterion).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, revisions.size()).boxed().toList()));
        return stored;
    }
}
