package th.pmqa.studio.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/**
 * Evidence through both services over HTTP: uploaded to the command service, listed in the report and in its own
 * list, downloaded byte for byte with its Thai name, refused to another organization's editor everywhere, absent
 * from the report as it stood before the upload, and gone after its removal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.eventstore.fetch-delay=50ms", "studio.live.poll-interval=20ms"})
class EvidenceEndToEndTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NAME = "หลักฐาน ผลสัมฤทธิ์ ปี ๒๕๖๗ \"ฉบับจริง\" 👩‍💼.pdf";
    private static final byte[] PDF = ("%PDF-1.7\n% ข้อมูลจังหวัด\n" + "x".repeat(300_000) + "\n%%EOF\n")
            .getBytes(StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> BothServices.MONGODB_URI);
    }

    @LocalServerPort
    int queryPort;

    WebTestClient commands;
    WebTestClient queries;
    WebTestClient otherEditorsCommands;
    WebTestClient otherEditorsQueries;
    String code;

    @BeforeEach
    void clients() {
        code = "EVI" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
        String token = BothServices.token(SOMSRI, code);
        commands = BothServices.client(BothServices.commandPort(), token);
        queries = BothServices.client(queryPort, token);
        String other = BothServices.token("u-9", "สมชาย อื่น", "OTHER" + code.substring(3), List.of("EDITOR"));
        otherEditorsCommands = BothServices.client(BothServices.commandPort(), other);
        otherEditorsQueries = BothServices.client(queryPort, other);
    }

    @Test
    void evidenceIsUploadedListedDownloadedWithItsThaiNameHiddenFromTheReportBeforeItAndGoneAfterItsRemoval() {
        String id = open();
        long beforeUpload = awaitReport(id, r -> r.path("position").asLong() > 0).get("position").asLong();

        JsonNode uploaded = commands.post().uri("/api/assessments/" + id + "/evidence")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form().build()))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String evidenceId = uploaded.get("evidenceId").asText();

        JsonNode report = awaitReport(id, r -> r.path("evidence").size() == 1);
        JsonNode listed = report.get("evidence").get(0);
        assertThat(listed.get("evidenceId").asText()).isEqualTo(evidenceId);
        assertThat(listed.get("fileName").asText()).isEqualTo(NAME);
        assertThat(listed.get("supports").asText()).isEqualTo("criteria/1.1");
        assertThat(listed.get("sha256").asText()).isEqualTo(uploaded.get("sha256").asText());
        assertThat(criterion(report, "1.1").get("evidence").get(0).asText()).isEqualTo(evidenceId);
        assertThat(get("/api/assessments/" + id + "/evidence").findValuesAsText("evidenceId")).containsExactly(evidenceId);
        assertThat(get("/api/assessments/" + id + "/changes").findValuesAsText("kind")).contains("EVIDENCE_UPLOADED");

        var download = queries.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(2 * PDF.length)).build()
                .get().uri("/api/assessments/" + id + "/evidence/" + evidenceId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).returnResult();
        assertThat(download.getResponseBody()).isEqualTo(PDF);
        String disposition = download.getResponseHeaders().getFirst("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"").contains("; filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(NAME);
        assertThat(disposition.substring(0, disposition.indexOf("; filename*"))).matches("[\\x20-\\x7E]+");

        // another organization's editor: refused on the upload, the list and the download
        otherEditorsCommands.post().uri("/api/assessments/" + id + "/evidence")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form().build()))
                .exchange().expectStatus().isForbidden();
        otherEditorsQueries.get().uri("/api/assessments/" + id + "/evidence").exchange().expectStatus().isForbidden();
        otherEditorsQueries.get().uri("/api/assessments/" + id + "/evidence/" + evidenceId).exchange()
                           .expectStatus().isForbidden();

        // the report as it stood before the upload does not list it
        assertThat(get("/api/assessments/" + id + "/report?position=" + beforeUpload).get("evidence")).isEmpty();

        commands.delete().uri("/api/assessments/" + id + "/evidence/" + evidenceId).exchange()
                .expectStatus().isNoContent();
        awaitReport(id, r -> r.path("evidence").isEmpty());
        queries.get().uri("/api/assessments/" + id + "/evidence/" + evidenceId).exchange().expectStatus().isNotFound();
        assertThat(get("/api/assessments/" + id + "/changes").findValuesAsText("kind")).contains("EVIDENCE_REMOVED");
    }

    private static MultipartBodyBuilder form() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(PDF)).filename(NAME).contentType(MediaType.APPLICATION_PDF);
        form.part("title", "ผลสัมฤทธิ์ตามตัวชี้วัด");
        form.part("place", "criteria/1.1/basic/result");
        return form;
    }

    private String open() {
        return commands.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                       .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ",
                                         "organizationType", "PROVINCE", "fiscalYear", 2567,
                                         "catalogVersion", "pmqa-4.0/2567"))
                       .exchange().expectStatus().isCreated()
                       .expectBody(JsonNode.class).returnResult().getResponseBody().get("assessmentId").asText();
    }

    private JsonNode get(String uri) {
        return queries.get().uri(uri).exchange().expectStatus().isOk()
                      .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode awaitReport(String id, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            var result = queries.get().uri("/api/assessments/" + id + "/report").exchange().returnResult(JsonNode.class);
            if (!result.getStatus().is2xxSuccessful()) {
                return false;
            }
            last[0] = result.getResponseBody().blockFirst();
            return until.test(last[0]);
        });
        return last[0];
    }

    private static JsonNode criterion(JsonNode report, String id) {
        for (JsonNode category : report.get("categories")) {
            for (JsonNode criterion : category.get("criteria")) {
                if (criterion.get("id").asText().equals(id)) {
                    return criterion;
                }
            }
        }
        throw new AssertionError("no criterion " + id);
    }
}
