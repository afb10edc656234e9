package th.pmqa.studio.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eight people edit one assessment at once through HTTP, 200 edits each: first all the same section, then one
 * section each. Each edit inserts a marker of its own (or removes one of the writer's own earlier markers) at a
 * random place of the text as that writer last saw it; a writer told of a conflict applies the same intent to the
 * text it is shown and tries again. Then: every accepted edit is in the history, in revision order with no gap; no
 * marker is missing from any revision between the edit that inserted it and the one that removed it; and the history,
 * replayed, ends in the text the report shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.eventstore.fetch-delay=50ms", "studio.live.poll-interval=20ms"})
@Tag("slow")
class ConcurrentEditingHarnessTest {

    private static final int WRITERS = 8;
    /**
     * 200 by default, as the issue asks; CI's second run on FerretDB asks for fewer (infra/ci-ferretdb.sh): there each
     * edit costs about 20 times as much, and 8 × 200 took 11.6 minutes of a CI run.
     */
    private static final int EDITS_EACH = Integer.getInteger("studio.harness.edits-each", 200);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final Pattern MARKER = Pattern.compile("«ผู้เขียน\\d+·ฉบับ๑\\d+»");

    /**
     * A database of its own: by the end each change-log entry of the shared section holds texts of thousands of
     * characters, which would weigh on every other end-to-end test that reads that collection whole.
     */
    private static final String MONGODB_URI = MongoTestServer.uri(MongoTestServer.freshDatabaseName("harness"));

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MONGODB_URI);
    }

    /** A command service on this class's own database (BothServices keeps it until the JVM ends). */
    private static int commandPort() {
        return BothServices.commandPort(MONGODB_URI);
    }


    @LocalServerPort
    int queryPort;

    /** An accepted edit: the revision it made and the text stored at it (the merge, when it was merged). */
    record Accepted(String section, long revision, String text, int writer, String inserted, String removed) {
    }

    @Test
    void eightWritersOnOneSectionLoseNoAcceptedMarkerAndTheHistoryReplaysToTheReportedText() throws Exception {
        String code = organization();
        String id = open(code);
        String path = "/criteria/1.1/levels/basic/approach";

        Run run = write(code, id, writer -> path);

        assertThat(run.unexpected()).as("answers other than 2xx, a merge or a 409 to retry").isEmpty();
        assertThat(run.accepted()).hasSize(WRITERS * EDITS_EACH);
        assertThat(run.merged().get()).as("edits merged with what others saved since").isPositive();
        System.out.printf("[harness] one section: %d accepted, %d merged, %d conflicts retried%n",
                          run.accepted().size(), run.merged().get(), run.conflicts().get());
        verifySection(code, id, "1.1", "basic/approach", run.accepted());
    }

    @Test
    void eightWritersOnEightSectionsOfOneAssessmentAreAllStoredWithoutAConflict() throws Exception {
        String code = organization();
        String id = open(code);
        List<String> paths = List.of("/criteria/1.1/levels/basic/approach", "/criteria/1.1/levels/basic/deploy",
                                     "/criteria/2.1/levels/advance/result", "/criteria/3.2/levels/significance/approach",
                                     "/criteria/4.3/summary", "/criteria/5.1/levels/basic/result",
                                     "/criteria/6.3/levels/advance/deploy", "/profile/13");

        Run run = write(code, id, paths::get);

        assertThat(run.unexpected()).isEmpty();
        assertThat(run.accepted()).hasSize(WRITERS * EDITS_EACH);
        assertThat(run.conflicts().get()).as("nobody else edits a writer's section").isZero();
        for (int w = 0; w < WRITERS; w++) {
            String path = paths.get(w);
            List<Accepted> mine = run.accepted().stream().filter(a -> a.section().equals(path)).toList();
            String[] parts = path.split("/");
            if (parts[1].equals("profile")) {
                verifyHistory(code, id, "/profile/" + parts[2] + "/history", "text", mine, report -> profileText(report, parts[2]));
            } else if (parts[3].equals("summary")) {
                verifySection(code, id, parts[2], "summary", mine);
            } else {
                verifySection(code, id, parts[2], parts[4] + "/" + parts[5], mine);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    record Run(List<Accepted> accepted, List<String> unexpected, AtomicInteger merged, AtomicInteger conflicts) {
    }

    private Run write(String code, String id, java.util.function.IntFunction<String> pathOf) throws Exception {
        List<Accepted> accepted = new CopyOnWriteArrayList<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicInteger merged = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> writer(code, id, pathOf.apply(writer), writer, accepted, unexpected,
                                                     merged, conflicts)));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(accepted, unexpected, merged, conflicts);
    }

    private void writer(String code, String id, String path, int writer, List<Accepted> accepted,
                        List<String> unexpected, AtomicInteger merged, AtomicInteger conflicts) {
        WebTestClient commands = BothServices.client(commandPort(),
                BothServices.token("writer-" + writer, "ผู้เขียนคนที่ " + writer, code, List.of("EDITOR")));
        Random random = new Random(2567L * 31 + writer);
        String known = "";
        long revision = 0;
        List<String> alive = new ArrayList<>();
        for (int edit = 0; edit < EDITS_EACH; edit++) {
            // the intent, kept across retries: remove one of my markers (one edit in five), or insert a new one
            String removing = !alive.isEmpty() && random.nextInt(5) == 0 ? alive.get(random.nextInt(alive.size())) : null;
            String inserting = removing == null ? marker(writer, edit) : null;
            int place = random.nextInt(1 << 20);
            for (int attempt = 0; ; attempt++) {
                if (attempt == 1000) {
                    unexpected.add("writer " + writer + " gave up on edit " + edit);
                    return;
                }
                String text = removing != null ? known.replace(removing, "") : insert(known, inserting, place);
                EntityExchangeResult<JsonNode> answer = commands.put().uri("/api/assessments/" + id + path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("text", text, "baseRevision", revision))
                        .exchange().expectBody(JsonNode.class).returnResult();
                JsonNode body = answer.getResponseBody();
                int status = answer.getStatus().value();
                if (status == 200) {
                    if (!body.get("stored").asBoolean()) {
                        // a new marker, or the removal of one that should be there: always something to store
                        unexpected.add("nothing stored for writer " + writer + " edit " + edit + ": " + body);
                        return;
                    }
                    revision = body.get("revision").asLong();
                    known = body.get("merged").asBoolean() ? body.get("text").asText() : text;
                    if (body.get("merged").asBoolean()) {
                        merged.incrementAndGet();
                    }
                    accepted.add(new Accepted(path, revision, known, writer, inserting, removing));
                    if (inserting != null) {
                        alive.add(inserting);
                    } else {
                        alive.remove(removing);
                    }
                    break;
                }
                String type = body == null || body.get("type") == null ? "" : body.get("type").asText();
                if (status == 409 && type.endsWith("/edit-conflict")) {
                    conflicts.incrementAndGet();
                    known = body.get("theirs").asText();
                    revision = body.get("currentRevision").asLong();
                } else if (!(status == 409 && type.endsWith("/concurrent-modification"))) {
                    unexpected.add(status + " " + body + " for writer " + writer + " edit " + edit);
                    return;
                }
            }
        }
    }

    /** Unique, and never a part of another (the closing mark ends it): found by plain substring search. */
    private static String marker(int writer, int edit) {
        return "«ผู้เขียน" + writer + "·ฉบับ๑" + edit + "» ";
    }

    /** Between two markers (or at either end): never inside someone's marker. */
    private static String insert(String text, String marker, int place) {
        List<Integer> boundaries = new ArrayList<>();
        boundaries.add(0);
        for (int at = text.indexOf("» "); at >= 0; at = text.indexOf("» ", at + 1)) {
            boundaries.add(at + 2);
        }
        int at = boundaries.get(place % boundaries.size());
        return text.substring(0, at) + marker + text.substring(at);
    }

    // ----------------------------------------------------------------------------------------------------------------

    private void verifySection(String code, String id, String criterion, String what, List<Accepted> accepted) {
        verifyHistory(code, id, "/criteria/" + criterion + "/history", what, accepted,
                      report -> criterionText(report, criterion, what));
    }

    private void verifyHistory(String code, String id, String historyPath, String what, List<Accepted> accepted,
                               java.util.function.Function<JsonNode, String> textInReport) {
        // a page of 200 changes, each with the text before and after and their diff, is megabytes by the end
        WebTestClient queries = BothServices.client(queryPort, BothServices.token("reader", "ผู้อ่าน", code)).mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        List<Accepted> expected = accepted.stream().sorted(Comparator.comparingLong(Accepted::revision)).toList();
        assertThat(expected).extracting(Accepted::revision).as("revisions 1.. without a gap or a repeat")
                            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toList());

        List<JsonNode> history = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            history.clear();
            for (int page = 0; ; page++) {
                JsonNode items = queries.get().uri("/api/assessments/" + id + historyPath + "?size=200&page=" + page)
                        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                        .getResponseBody().get("items");
                items.forEach(item -> {
                    if (item.get("what").asText().equals(what)) {
                        history.add(item);
                    }
                });
                if (items.size() < 200) {
                    break;
                }
            }
            return history.size() >= expected.size();
        });

        // every accepted edit is in the history, as the text it stored, in order
        assertThat(history).extracting(item -> item.get("revision").asLong(), item -> item.get("after").asText())
                           .containsExactlyElementsOf(expected.stream()
                                   .map(a -> org.assertj.core.groups.Tuple.tuple(a.revision(), a.text())).toList());
        // replaying the history: each change starts from where the one before ended, and ends in the report's text
        String replayed = "";
        for (JsonNode item : history) {
            assertThat(item.get("before").asText()).isEqualTo(replayed);
            replayed = item.get("after").asText();
        }
        String finalText = replayed;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(textInReport.apply(
                queries.get().uri("/api/assessments/" + id + "/report").exchange().expectStatus().isOk()
                       .expectBody(JsonNode.class).returnResult().getResponseBody())).isEqualTo(finalText));

        // at every revision the text holds exactly the markers accepted edits put there and did not take out:
        // none lost, none doubled, none brought back
        Map<String, Long> insertedAt = new HashMap<>();
        Map<String, Long> removedAt = new HashMap<>();
        for (Accepted a : expected) {
            if (a.inserted() != null) {
                insertedAt.put(a.inserted().trim(), a.revision());
            } else {
                removedAt.put(a.removed().trim(), a.revision());
            }
        }
        for (Accepted a : expected) {
            List<String> found = new ArrayList<>();
            Matcher markers = MARKER.matcher(a.text());
            while (markers.find()) {
                found.add(markers.group());
            }
            java.util.Set<String> shouldBeThere = new java.util.TreeSet<>();
            insertedAt.forEach((marker, from) -> {
                if (from <= a.revision() && a.revision() < removedAt.getOrDefault(marker, Long.MAX_VALUE)) {
                    shouldBeThere.add(marker);
                }
            });
            assertThat(new java.util.TreeSet<>(found)).as("markers at revision %d", a.revision()).isEqualTo(shouldBeThere);
            assertThat(found).as("no marker twice at revision %d", a.revision()).doesNotHaveDuplicates();
        }
    }

    private static String criterionText(JsonNode report, String criterion, String what) {
        for (JsonNode category : report.get("categories")) {
            for (JsonNode c : category.get("criteria")) {
                if (c.get("id").asText().equals(criterion)) {
                    if (what.equals("summary")) {
                        return c.path("summary").isNull() ? "" : c.get("summary").get("text").asText();
                    }
                    String[] levelAndPart = what.split("/");
                    for (JsonNode level : c.get("levels")) {
                        if (level.get("level").asText().equals(levelAndPart[0])) {
                            return level.get(levelAndPart[1]).get("text").asText();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + criterion + " " + what + " in the report");
    }

    private static String profileText(JsonNode report, String item) {
        for (JsonNode question : report.get("profile").get("questions")) {
            for (JsonNode i : question.get("items")) {
                if (i.get("number").asText().equals(item)) {
                    return i.get("text").path("text").asText();
                }
            }
        }
        throw new AssertionError("no OP item " + item + " in the report");
    }

    private static String organization() {
        return "HRN" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
    }

    private static String open(String code) {
        return BothServices.client(commandPort(), BothServices.token("lead", "หัวหน้าทีม", code))
                .post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบพร้อมกัน",
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("assessmentId").asText();
    }
}
