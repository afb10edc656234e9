package th.pmqa.studio.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.query.export.OfficeConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/** Both exports through HTTP: a report drafted on the command service, downloaded from the query service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.eventstore.fetch-delay=50ms", "studio.live.poll-interval=20ms",
                              "studio.export.conversion-timeout=PT120S"})
class ExportEndToEndTest {

    private static final String LABEL = "ร่างครั้งที่1";
    private static final String FIRST = "พันธกิจ ฉบับแรก ผู้บริหารร่วมกันกำหนดทิศทาง ๑๒๓ 👩‍💻";
    private static final String SECOND = "พันธกิจ ฉบับแก้ตามพี่เลี้ยง น้ำ นํ้า ปี ๒๕๖๗";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> BothServices.MONGODB_URI);
        // an office port of its own: a LibreOffice already listening on the default one (a running stack) is left alone
        registry.add("studio.export.office-ports", ExportEndToEndTest::freePort);
    }

    private static String freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int queryPort;
    @Autowired
    OfficeConverter office;

    WebTestClient commands;
    WebTestClient queries;
    String code;

    @BeforeEach
    void clients() {
        code = "EXP" + System.nanoTime() % 100000;
        String token = BothServices.token(SOMSRI, code);
        commands = BothServices.client(BothServices.commandPort(), token);
        queries = BothServices.client(queryPort, token).mutate().responseTimeout(Duration.ofSeconds(180)).build();
    }

    /** An assessment whose OP item 1 was labeled at its first text and then rewritten. */
    private String labeledThenRewritten() {
        String id = commands.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ",
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("assessmentId").asText();
        draft(id, FIRST, 0);
        commands.post().uri("/api/assessments/" + id + "/labels").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", LABEL)).exchange().expectStatus().isCreated();
        draft(id, SECOND, 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var result = queries.get().uri("/api/assessments/" + id + "/report").exchange().returnResult(String.class);
            return result.getStatus().is2xxSuccessful() && String.join("", result.getResponseBody().collectList()
                                                                                  .block()).contains("ฉบับแก้ตามพี่เลี้ยง");
        });
        return id;
    }

    private void draft(String id, String text, long baseRevision) {
        commands.put().uri("/api/assessments/" + id + "/profile/1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text, "baseRevision", baseRevision)).exchange().expectStatus().isOk();
    }

    private static List<String> paragraphs(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
    }

    @Test
    void theWordExportOfALabeledVersionHasThatVersionsTextAndIsNamedAfterTheLabel() throws IOException {
        String id = labeledThenRewritten();

        EntityExchangeResult<byte[]> labeled = queries.get()
                .uri(b -> b.path("/api/assessments/" + id + "/export.docx").queryParam("label", LABEL).build())
                .exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .expectBody(byte[].class).returnResult();
        EntityExchangeResult<byte[]> latest = queries.get().uri("/api/assessments/" + id + "/export.docx")
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();

        assertThat(paragraphs(labeled.getResponseBody())).contains(FIRST).doesNotContain(SECOND);
        assertThat(paragraphs(latest.getResponseBody())).contains(SECOND).doesNotContain(FIRST);
        assertThat(labeled.getResponseHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"PMQA-2567-" + code + "-____________1.docx\"; "
                           + "filename*=UTF-8''PMQA-2567-" + code + "-%E0%B8%A3%E0%B9%88%E0%B8%B2%E0%B8%87%E0%B8%84%E0%B8%A3%E0%B8"
                           + "%B1%E0%B9%89%E0%B8%87%E0%B8%97%E0%B8%B5%E0%B9%881.docx");
    }

    @Test
    void thePdfExportIsAPdfWithTheThaiTextOrA503ProblemWithoutLibreOffice() throws Exception {
        String id = labeledThenRewritten();

        var answer = queries.get().uri("/api/assessments/" + id + "/export.pdf").exchange();
        if (!office.installed()) {
            answer.expectStatus().isEqualTo(503).expectHeader().exists("Retry-After")
                  .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("LibreOffice"));
            return;
        }
        EntityExchangeResult<byte[]> pdf = answer.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                                                 .expectBody(byte[].class).returnResult();
        assertThat(pdf.getResponseHeaders().getFirst("Content-Disposition"))
                .contains("filename*=UTF-8''PMQA-2567-" + code + "-%E0%B8%A5%E0%B9%88%E0%B8%B2");
        Path file = Files.createTempFile("export-e2e", ".pdf");
        Files.write(file, pdf.getResponseBody());
        Process text = new ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", file.toString(), "-").start();
        String extracted = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(extracted.replaceAll("\\s+", "")).contains(SECOND.replaceAll("\\s+", ""));
        Files.delete(file);
    }

    @Test
    void badTimeTravelInputIsAProblemNamingTheField() {
        String id = labeledThenRewritten();

        queries.get().uri(b -> b.path("/api/assessments/" + id + "/export.docx").queryParam("position", "-1").build())
               .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("position");
        queries.get().uri(b -> b.path("/api/assessments/" + id + "/export.pdf").queryParam("label", "ไม่มีป้ายนี้").build())
               .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("label");
        queries.get().uri("/api/assessments/" + code + "-2500/export.docx")
               .exchange().expectStatus().isNotFound();
    }
}
