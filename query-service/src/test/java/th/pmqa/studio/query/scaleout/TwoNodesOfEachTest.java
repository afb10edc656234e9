package th.pmqa.studio.query.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.QueryServiceApplication;
import th.pmqa.studio.query.testing.ServiceProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out: two command services and two query services, each its own JVM, against one MongoDB. Writes through
 * both command nodes are stored or refused, never lost; the query nodes split the projection's segments; a live
 * subscriber on either query node gets every update.
 */
@Tag("slow")
class TwoNodesOfEachTest {

    private static final String TOKEN = DevelopmentTokens.mint(
            "u-scale", "ผู้ทดสอบ สองโหนด", "SCALE", List.of("ADMIN", "LEAD"), Duration.ofHours(1));
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final String PROBLEMS = "https://pmqa-studio.example/problems/";
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** Graceful shutdown is not under test here, and it sometimes waited the full 20 s for the test's connections. */
    private static final String IMMEDIATE_SHUTDOWN = "--server.shutdown=immediate";

    private static String database;
    private static final List<ServiceProcess> commandNodes = new ArrayList<>();
    private static final List<ServiceProcess> queryNodes = new ArrayList<>();

    @BeforeAll
    static void startTwoNodesOfEach() throws Exception {
        database = MongoTestServer.freshDatabaseName("scaleout");
        String uri = MongoTestServer.uri(database);
        long t0 = System.nanoTime();
        // all four start at once and come up in parallel; C1 only and one GC thread: five JVMs share two cores
        for (int i = 0; i < 2; i++) {
            commandNodes.add(ServiceProcess.start(CommandServiceApplication.class, uri, JVM_OPTIONS, IMMEDIATE_SHUTDOWN));
            queryNodes.add(ServiceProcess.start(QueryServiceApplication.class, uri, JVM_OPTIONS, IMMEDIATE_SHUTDOWN));
        }
        for (ServiceProcess node : all()) {
            node.awaitHealthy();
        }
        System.out.printf("[scale-out] four nodes healthy after %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stopAll() throws Exception {
        // all at once: each may take a while to stop, and the class should not wait for them in turn
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess node : all()) {
            stopping.add(CompletableFuture.runAsync(() -> {
                try {
                    node.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
                                              .get(60, TimeUnit.SECONDS);
        if (database != null) {
            MongoTestServer.client().getDatabase(database).drop();
        }
    }

    private static List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>(commandNodes);
        all.addAll(queryNodes);
        return all;
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Test
    void concurrentWritesToOneSectionThroughBothCommandNodesAreStoredOrRefusedNeverLost() throws Exception {
        String id = openAssessment();
        String path = "/criteria/1.1/levels/basic/approach";
        int writers = 4;
        int editsEach = 25;
        List<Accepted> accepted = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger alreadySaved = new java.util.concurrent.atomic.AtomicInteger();
        List<Refused> refused = new CopyOnWriteArrayList<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();

        runWriters(writers, w -> {
            ServiceProcess node = commandNodes.get(w % 2);
            long revision = 0;
            for (int edit = 0; edit < editsEach; edit++) {
                for (int attempt = 0; ; attempt++) {
                    if (attempt == 500) {
                        unexpected.add("writer " + w + " gave up on edit " + edit + " after 500 refusals");
                        return;
                    }
                    String text = "แนวทาง ผู้เขียน " + w + " ฉบับ " + edit + " ครั้ง " + attempt + " ผ่านโหนด " + node.port();
                    Answer answer = draft(node, id, path, text, revision);
                    if (answer.status() / 100 == 2) {
                        JsonNode body = answer.body();
                        revision = body.get("revision").asLong();
                        if (!body.get("stored").asBoolean()) {
                            // what this edit would make of the text had been saved meanwhile (a merge of two other
                            // edits can give exactly this writer's next text): nothing new to store
                            alreadySaved.incrementAndGet();
                        } else {
                            // an edit of other words than those saved since was merged: what is stored is the merge
                            String stored = body.path("merged").asBoolean() ? body.get("text").asText() : text;
                            accepted.add(new Accepted(path, revision, stored, node.port()));
                        }
                        break;
                    }
                    if (!answer.isProblem(409)) {
                        unexpected.add(answer + " for " + text);
                        return;
                    }
                    refused.add(new Refused(path, text, answer.problemType(), node.port()));
                    if (answer.problemType().equals("edit-conflict")) {
                        revision = answer.body().get("currentRevision").asLong();
                    }
                }
            }
        });

        printCounts("one section", accepted, refused);
        assertThat(unexpected).as("answers other than 2xx or a 409 problem").isEmpty();
        assertThat(refused).allSatisfy(r -> assertThat(r.type()).isIn("edit-conflict", "concurrent-modification"));
        assertThat(accepted.size() + alreadySaved.get()).isEqualTo(writers * editsEach);
        assertThat(accepted.stream().map(Accepted::revision).sorted().toList())
                .as("each stored edit got its own revision, 1 to %d without a gap", accepted.size())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, accepted.size()).boxed().toList());

        // the history holds exactly the accepted edits, in revision order, and nothing that was refused
        List<Accepted> expected = accepted.stream().sorted(Comparator.comparingLong(Accepted::revision)).toList();
        for (ServiceProcess query : queryNodes) {
            List<Accepted> history = awaitHistory(query, id, "1.1", "basic/approach", expected.size());
            assertThat(history).as("history on query node %d", query.port())
                               .extracting(Accepted::revision, Accepted::text)
                               .containsExactlyElementsOf(expected.stream()
                                       .map(a -> tuple(a.revision(), a.text())).toList());
            JsonNode approach = criterion(report(query, id), "1.1").get("levels").get(0).get("approach");
            assertThat(approach.get("text").asText()).isEqualTo(expected.get(expected.size() - 1).text());
            assertThat(approach.get("revision").asLong()).isEqualTo(accepted.size());
        }
        // That the history is exactly the accepted answers is what shows a refused write stored nothing. Comparing
        // texts would not: a merge of two other writers' edits can spell out, word for word, a text that was refused.
    }

    @Test
    void concurrentWritesToDifferentSectionsThroughBothCommandNodesAreAllStored() throws Exception {
        String id = openAssessment();
        List<String> paths = List.of("/criteria/1.2/levels/basic/approach", "/criteria/2.1/levels/advance/deploy",
                                     "/criteria/3.1/levels/basic/result", "/criteria/4.1/levels/significance/approach");
        int editsEach = 15;
        List<Accepted> accepted = new CopyOnWriteArrayList<>();
        List<Refused> refused = new CopyOnWriteArrayList<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();

        runWriters(paths.size(), w -> {
            ServiceProcess node = commandNodes.get(w % 2);
            String path = paths.get(w);
            long revision = 0;
            for (int edit = 0; edit < editsEach; edit++) {
                for (int attempt = 0; ; attempt++) {
                    if (attempt == 500) {
                        unexpected.add("writer " + w + " gave up on edit " + edit + " after 500 refusals");
                        return;
                    }
                    String text = "ส่วน " + path + " ฉบับ " + edit + " ครั้ง " + attempt;
                    Answer answer = draft(node, id, path, text, revision);
                    if (answer.status() / 100 == 2) {
                        revision = answer.body().get("revision").asLong();
                        // an edit of other words than those saved since was merged: what is stored is the merge
                        String stored = answer.body().path("merged").asBoolean() ? answer.body().get("text").asText() : text;
                        accepted.add(new Accepted(path, revision, stored, node.port()));
                        break;
                    }
                    // Nobody else writes this section: the only acceptable refusal is a race on the assessment
                    // between the two nodes, and it means "not stored, try again". A stale revision here would mean
                    // an edit was stored although its writer was told otherwise.
                    if (!answer.isProblem(409) || !answer.problemType().equals("concurrent-modification")) {
                        unexpected.add(answer + " for " + text);
                        return;
                    }
                    refused.add(new Refused(path, text, answer.problemType(), node.port()));
                }
            }
        });

        printCounts("different sections", accepted, refused);
        assertThat(unexpected).as("answers other than 2xx or a 409 concurrent-modification").isEmpty();
        for (String path : paths) {
            List<Accepted> mine = accepted.stream().filter(a -> a.path().equals(path))
                                          .sorted(Comparator.comparingLong(Accepted::revision)).toList();
            assertThat(mine).extracting(Accepted::revision).as(path)
                            .containsExactlyElementsOf(LongStream.rangeClosed(1, editsEach).boxed().toList());
            String[] parts = path.split("/"); // "", criteria, 1.2, levels, basic, approach
            List<Accepted> history = awaitHistory(queryNodes.get(1), id, parts[2], parts[4] + "/" + parts[5], editsEach);
            assertThat(history).as("history of %s", path).extracting(Accepted::revision, Accepted::text)
                               .containsExactlyElementsOf(mine.stream()
                                       .map(a -> tuple(a.revision(), a.text())).toList());
        }
        Set<String> stored = accepted.stream().map(Accepted::text).collect(Collectors.toSet());
        assertThat(refused).as("refused writes are not stored").noneMatch(r -> stored.contains(r.text()));
    }

    @Test
    void theTwoQueryNodesSplitTheProjectionsTwoSegmentsOneEach() {
        awaitOneSegmentEach();
    }

    private static void awaitOneSegmentEach() {
        for (ServiceProcess query : queryNodes) {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode status = get(query, "/api/admin/projections");
                assertThat(status.get("running").asBoolean()).as("running on query node %d: %s", query.port(), status)
                                                              .isTrue();
                assertThat(status.get("segments").asInt()).isEqualTo(2);
                assertThat(status.get("segmentsClaimedHere").asInt())
                        .as("segments claimed by query node %d: %s", query.port(), status).isEqualTo(1);
            });
        }
    }

    @Test
    void aRebuildWhileTheOtherQueryNodeWorksASegmentIsRefusedWithA409AndBothNodesGoOnProjecting() {
        awaitOneSegmentEach();
        ServiceProcess query = queryNodes.get(0);
        Answer answer = send(query, client(query).post().uri("/api/admin/projections/rebuild"));
        assertThat(answer.isProblem(409)).as("rebuild answered %s", answer).isTrue();
        assertThat(answer.problemType()).isEqualTo("projection-claimed-elsewhere");

        String id = openAssessment();
        String text = "หลังการสร้างใหม่ที่ถูกปฏิเสธ";
        assertThat(draft(commandNodes.get(1), id, "/profile/1", text, 0).status()).isEqualTo(200);
        for (ServiceProcess node : queryNodes) {
            assertThat(get(node, "/api/admin/projections").get("running").asBoolean()).as("node %d", node.port()).isTrue();
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).until(() ->
                    status(node, "/api/assessments/" + id + "/report") == 200
                    && report(node, id).get("profile").toString().contains(text));
        }
    }

    @Test
    void aSubscriberOnEitherQueryNodeReceivesEveryUpdate() throws Exception {
        String id = openAssessment();
        List<Subscriber> subscribers = new ArrayList<>();
        try {
            for (ServiceProcess query : queryNodes) {
                subscribers.add(subscribe(query, id));
            }
            List<Accepted> accepted = writeThroughBothNodes(List.of(id), 15);

            for (Subscriber subscriber : subscribers) {
                awaitEveryUpdate(subscriber, accepted);
            }
        } finally {
            subscribers.forEach(Subscriber::close);
        }
    }

    /**
     * Events of different assessments are projected by different segments, here possibly by different nodes, so
     * their changes reach the change log each at its own pace; a subscriber must still get every one of them.
     */
    @Test
    void subscribersOnBothQueryNodesReceiveEveryUpdateOfTwoAssessmentsProjectedByDifferentSegments() throws Exception {
        String first = openAssessment();
        String second = openAssessment();
        while (segmentOf(second) == segmentOf(first)) {
            second = openAssessment();
        }
        List<Subscriber> subscribers = new ArrayList<>();
        try {
            for (ServiceProcess query : queryNodes) {
                subscribers.add(subscribe(query, first));
                subscribers.add(subscribe(query, second));
            }
            List<Accepted> accepted = writeThroughBothNodes(List.of(first, second), 20);

            for (Subscriber subscriber : subscribers) {
                awaitEveryUpdate(subscriber, accepted.stream().filter(a -> a.path().startsWith(subscriber.assessmentId()))
                                                     .toList());
            }
        } finally {
            subscribers.forEach(Subscriber::close);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** What a command answered: status, content type and body, or why there was no answer. */
    private record Answer(int status, String contentType, JsonNode body, String failure) {
        boolean isProblem(int expectedStatus) {
            return status == expectedStatus && contentType != null
                   && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))
                   && body != null && body.path("type").asText().startsWith(PROBLEMS);
        }

        String problemType() {
            return body.path("type").asText().substring(PROBLEMS.length());
        }

        @Override
        public String toString() {
            return failure != null ? "no answer (" + failure + ")" : status + " " + contentType + " " + body;
        }
    }

    /** An edit that got a 2xx with its revision; {@code path} starts with the assessment id where it matters. */
    private record Accepted(String path, long revision, String text, int port) {
    }

    private record Refused(String path, String text, String type, int port) {
    }

    private interface Writer {
        void write(int writer) throws Exception;
    }

    /** Runs the writers at once (released together) and waits for all of them. */
    private static void runWriters(int count, Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < count; w++) {
                int index = w;
                done.add(pool.submit(() -> {
                    go.await();
                    writer.write(index);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One writer per assessment, each through its own command node, all at once: {@code editsEach} accepted edits
     * of the assessment's 1.1 basic approach, retrying a 409 concurrent-modification. Each accepted edit's path starts
     * with its assessment id.
     */
    private static List<Accepted> writeThroughBothNodes(List<String> ids, int editsEach) throws Exception {
        List<Accepted> accepted = new CopyOnWriteArrayList<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        int writers = Math.max(2, ids.size());
        runWriters(writers, w -> {
            ServiceProcess node = commandNodes.get(w % 2);
            String id = ids.get(w % ids.size());
            // with one assessment, the two writers share it: one writes the approach, the other the deployment
            String path = "/criteria/1.1/levels/basic/" + (ids.size() == 1 && w == 1 ? "deploy" : "approach");
            long revision = 0;
            for (int edit = 0; edit < editsEach; edit++) {
                for (int attempt = 0; ; attempt++) {
                    String text = "สด " + id + path + " ฉบับ " + edit + " ครั้ง " + attempt;
                    Answer answer = draft(node, id, path, text, revision);
                    if (answer.status() / 100 == 2) {
                        revision = answer.body().get("revision").asLong();
                        accepted.add(new Accepted(id + path, revision, text, node.port()));
                        break;
                    }
                    if (attempt == 100 || !answer.isProblem(409) || !answer.problemType().equals("concurrent-modification")) {
                        unexpected.add(answer + " for " + text);
                        return;
                    }
                }
            }
        });
        assertThat(unexpected).as("answers other than 2xx or a 409 concurrent-modification").isEmpty();
        assertThat(accepted).hasSize(writers * editsEach);
        return accepted;
    }

    /** A live report stream on one query node, collecting what arrives. */
    private record Subscriber(ServiceProcess node, String assessmentId, List<ServerSentEvent<JsonNode>> received,
                              List<Throwable> errors, Disposable subscription) {
        void close() {
            subscription.dispose();
        }

        List<ServerSentEvent<JsonNode>> sections() {
            return received.stream().filter(e -> "section".equals(e.event())).toList();
        }
    }

    private static Subscriber subscribe(ServiceProcess query, String id) {
        // the stream starts from the stored report: wait until this node's read model has it
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100)).until(() -> status(query, "/api/assessments/" + id + "/report") == 200);
        List<ServerSentEvent<JsonNode>> received = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Disposable subscription = client(query).get().uri("/api/assessments/{id}/stream", id)
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                })
                .subscribe(received::add, errors::add);
        Subscriber subscriber = new Subscriber(query, id, received, errors, subscription);
        await().atMost(Duration.ofSeconds(30)).until(() -> !errors.isEmpty()
                                                           || received.stream().anyMatch(e -> "report".equals(e.event())));
        assertThat(errors).as("stream on query node %d", query.port()).isEmpty();
        assertThat(received.get(0).event()).isEqualTo("report");
        return subscriber;
    }

    /**
     * Every accepted edit arrives as one {@code section} event with its text and revision, in position order, and
     * the stream stays open.
     */
    private static void awaitEveryUpdate(Subscriber subscriber, List<Accepted> accepted) {
        Map<String, Long> expected = new TreeMap<>();
        accepted.forEach(a -> expected.put(a.text(), a.revision()));
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).until(() ->
                    !subscriber.errors().isEmpty() || receivedTexts(subscriber).keySet().containsAll(expected.keySet()));
        } catch (ConditionTimeoutException timeout) {
            Map<String, Long> received = receivedTexts(subscriber);
            Map<String, Long> missing = new TreeMap<>(expected);
            missing.keySet().removeAll(received.keySet());
            throw new AssertionError("subscriber to " + subscriber.assessmentId() + " on query node "
                                     + subscriber.node().port() + " got " + received.size() + " of " + expected.size()
                                     + " updates within " + CATCH_UP + "; missing " + missing.size() + ": " + missing
                                     + missingPositions(subscriber, missing.keySet()), timeout);
        }
        assertThat(subscriber.errors()).isEmpty();
        assertThat(receivedTexts(subscriber)).containsAllEntriesOf(expected);
        List<Long> positions = subscriber.sections().stream().map(e -> e.data().get("position").asLong()).toList();
        assertThat(positions).as("section events in position order, each once").isSorted().doesNotHaveDuplicates();
    }

    /** Section events received: the text after the change and its revision (from "… revision N"). */
    private static Map<String, Long> receivedTexts(Subscriber subscriber) {
        Map<String, Long> texts = new LinkedHashMap<>();
        for (ServerSentEvent<JsonNode> event : subscriber.sections()) {
            JsonNode change = event.data().get("change");
            texts.put(change.get("after").asText(), revisionOf(change));
        }
        return texts;
    }

    /** Where the missed updates are in the change feed, and what the subscriber got around them. */
    private static String missingPositions(Subscriber subscriber, Set<String> missing) {
        Map<String, Long> positions = new LinkedHashMap<>();
        JsonNode feed = get(subscriber.node(), "/api/assessments/" + subscriber.assessmentId() + "/changes?limit=200");
        for (JsonNode item : feed.get("items")) {
            if (missing.contains(item.get("after").asText())) {
                positions.put(item.get("after").asText(), item.get("position").asLong());
            }
        }
        return "; their positions in the change feed: " + positions + "; positions received: "
               + subscriber.sections().stream().map(e -> e.data().get("position").asLong()).toList();
    }

    // ----------------------------------------------------------------------------------------------------------------

    private static WebClient client(ServiceProcess node) {
        return WebClient.builder().baseUrl(node.baseUrl()).defaultHeader("Authorization", "Bearer " + TOKEN).build();
    }

    private static String openAssessment() {
        // one organization, the token's, with a fiscal year per assessment
        String code = "SCALE";
        int fiscalYear = 2500 + ORGANIZATIONS.incrementAndGet();
        Answer answer = send(commandNodes.get(0), client(commandNodes.get(0)).post().uri("/api/assessments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                  "organizationType", "PROVINCE", "fiscalYear", fiscalYear, "catalogVersion", "pmqa-4.0/2567")));
        assertThat(answer.status()).as("open %s: %s", code, answer).isEqualTo(201);
        return answer.body().get("assessmentId").asText();
    }

    private static Answer draft(ServiceProcess node, String id, String path, String text, long baseRevision) {
        return send(node, client(node).put().uri("/api/assessments/" + id + path).contentType(MediaType.APPLICATION_JSON)
                                      .bodyValue(Map.of("text", text, "baseRevision", baseRevision)));
    }

    private static Answer send(ServiceProcess node, WebClient.RequestHeadersSpec<?> request) {
        try {
            Answer answer = request.exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                    .map(body -> new Answer(response.statusCode().value(),
                                            response.headers().contentType().map(MediaType::toString).orElse(null), body, null))
                    .defaultIfEmpty(new Answer(response.statusCode().value(),
                                               response.headers().contentType().map(MediaType::toString).orElse(null), null, null)))
                    .block(ANSWER_WITHIN);
            return answer;
        } catch (RuntimeException noAnswer) {
            return new Answer(0, null, null, "node " + node.port() + ": " + noAnswer);
        }
    }

    private static int status(ServiceProcess node, String uri) {
        return client(node).get().uri(uri).exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                           .block(ANSWER_WITHIN);
    }

    private static JsonNode get(ServiceProcess node, String uri) {
        return client(node).get().uri(uri).retrieve().bodyToMono(JsonNode.class).block(ANSWER_WITHIN);
    }

    private static JsonNode report(ServiceProcess query, String id) {
        return get(query, "/api/assessments/" + id + "/report");
    }

    private static JsonNode criterion(JsonNode report, String id) {
        for (JsonNode category : report.get("categories")) {
            for (JsonNode c : category.get("criteria")) {
                if (c.get("id").asText().equals(id)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no criterion " + id);
    }

    private static long revisionOf(JsonNode change) {
        return change.path("revision").asLong(-1);
    }

    /** The history of one part of a sub-criterion once it holds {@code count} entries, oldest first. */
    private static List<Accepted> awaitHistory(ServiceProcess query, String id, String criterion, String what, int count) {
        List<Accepted> history = new ArrayList<>();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
            history.clear();
            for (int page = 0; ; page++) {
                JsonNode items = get(query, "/api/assessments/" + id + "/criteria/" + criterion + "/history?size=200&page=" + page)
                        .get("items");
                for (JsonNode item : items) {
                    if (item.get("what").asText().equals(what)) {
                        history.add(new Accepted(what, revisionOf(item), item.get("after").asText(), query.port()));
                    }
                }
                if (items.size() < 200) {
                    break;
                }
            }
            return history.size() >= count;
        });
        return history;
    }

    /** The projection segment (of 2) that processes an assessment's events: Axon's default per-aggregate hash. */
    private static int segmentOf(String assessmentId) {
        return assessmentId.hashCode() & 1;
    }

    private static void printCounts(String what, List<Accepted> accepted, List<Refused> refused) {
        Map<String, Long> byType = refused.stream().collect(Collectors.groupingBy(Refused::type, TreeMap::new,
                                                                                  Collectors.counting()));
        System.out.printf("[scale-out] %s: %d accepted, %d refused %s%n", what, accepted.size(), refused.size(), byType);
    }
}
