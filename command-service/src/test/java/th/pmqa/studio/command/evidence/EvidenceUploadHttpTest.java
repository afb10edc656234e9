package th.pmqa.studio.command.evidence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.evidence.EvidenceFiles;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.report.EvidenceRemovedEvent;
import th.pmqa.studio.report.EvidenceUploadedEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/**
 * Uploading evidence over HTTP: what is recorded, the same bytes stored once, and every bad upload refused with a
 * problem naming the field and nothing left behind: no event, no GridFS file, no chunk (counted in
 * {@code evidence.files} and {@code evidence.chunks}). The limit is 600 KB here so that a refused file has already
 * filled GridFS chunks (255 KB each) when the limit is passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "studio.evidence.max-size=600KB")
class EvidenceUploadHttpTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("evidence")));
    }

    static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    static final String PROBLEMS = "https://pmqa-studio.example/problems/";
    static final byte[] PDF = "%PDF-1.7\n% รายงาน\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final String THAI_NAME = "รายงานผลการดำเนินงาน ปี ๒๕๖๗ (ฉบับที่ ๑) 👩‍💼.pdf";

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;

    WebTestClient client;
    String code;
    String id;

    @BeforeEach
    void anOpenAssessment() {
        code = "EV" + ORGANIZATIONS.incrementAndGet();
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(30)).build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.subject(SOMSRI.userId()).claim("name", SOMSRI.name())
                                                   .claim("org", code).claim("roles", List.of("LEAD"))));
        client.post().uri("/api/assessments")
              .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ",
                                "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
              .exchange().expectStatus().isCreated();
        id = code + "-2567";
    }

    @Test
    void anUploadStoresTheBytesInGridFsAndRecordsTheirHashSizeTypeAndThaiName() throws Exception {
        var answer = upload(form(PDF, THAI_NAME, "application/pdf", f -> {
            f.part("title", "แผนพัฒนาจังหวัด");
            f.part("place", "criteria/1.1/basic/approach");
        }))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/assessments/" + id + "/evidence/[0-9a-f-]{36}")
                .expectBody(Map.class).returnResult().getResponseBody();

        String sha256 = sha256(PDF);
        assertThat(answer).containsEntry("sha256", sha256).containsEntry("size", PDF.length)
                          .containsEntry("contentType", "application/pdf").containsEntry("created", true);
        EvidenceUploadedEvent event = (EvidenceUploadedEvent) lastPayload();
        assertThat(event.evidenceId().value()).isEqualTo(answer.get("evidenceId"));
        assertThat(event.fileName()).isEqualTo(THAI_NAME);
        assertThat(event.sha256()).isEqualTo(sha256);
        assertThat(event.place()).isEqualTo("criteria/1.1/basic/approach");
        GridFSFile file = EvidenceFiles.bucket(database).find(new Document("_id", event.evidenceId().value())).first();
        assertThat(file).isNotNull();
        assertThat(file.getLength()).isEqualTo(PDF.length);
        assertThat(file.getMetadata()).containsEntry("assessmentId", id).containsEntry("sha256", sha256)
                                      .containsEntry("contentType", "application/pdf")
                                      .containsEntry("uploader", SOMSRI.userId());
        var stored = new java.io.ByteArrayOutputStream();
        EvidenceFiles.bucket(database).downloadToStream(new org.bson.BsonString(event.evidenceId().value()), stored);
        assertThat(stored.toByteArray()).isEqualTo(PDF);
    }

    @Test
    void theSameFileUploadedTwiceIsStoredOnceAndTheSecondUploadAnswers200WithTheFirstId() {
        Map<?, ?> first = upload(form(PDF, "a.pdf", "application/pdf", f -> { })).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        long files = count("files");
        long chunks = count("chunks");
        long events = events();

        Map<?, ?> second = upload(form(PDF, "สำเนา.pdf", "application/pdf", f -> { })).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(second.get("evidenceId")).isEqualTo(first.get("evidenceId"));
        assertThat(second.get("created")).isEqualTo(false);
        assertThat(count("files")).isEqualTo(files);
        assertThat(count("chunks")).isEqualTo(chunks);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aFileNameIsKeptWithoutItsFoldersAndControlCharacters() {
        upload(form("ข้อความ".getBytes(StandardCharsets.UTF_8), "..\\..//etc/ราย\u0007งาน\u202E.txt", "text/plain",
                    f -> { })).expectStatus().isCreated();

        assertThat(((EvidenceUploadedEvent) lastPayload()).fileName()).isEqualTo("รายงาน.txt");
    }

    @Test
    void aRemovalIsRecordedAndDeletesTheBytesAndASecondRemovalIs404() {
        Map<?, ?> uploaded = upload(form(PDF, "a.pdf", "application/pdf", f -> { })).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String evidenceId = (String) uploaded.get("evidenceId");

        client.delete().uri("/api/assessments/{id}/evidence/{e}", id, evidenceId).exchange().expectStatus().isNoContent();

        assertThat(lastPayload()).isInstanceOf(EvidenceRemovedEvent.class);
        assertThat(EvidenceFiles.bucket(database).find(new Document("_id", evidenceId)).first()).isNull();
        assertThat(database.getCollection("evidence.chunks").countDocuments(new Document("files_id", evidenceId))).isZero();
        client.delete().uri("/api/assessments/{id}/evidence/{e}", id, evidenceId).exchange().expectStatus().isNotFound()
              .expectBody().jsonPath("$.field").isEqualTo("evidenceId");
    }

    record Bad(String what, MultipartBodyBuilder form, int status, String type, String field) {
    }

    List<Bad> badUploads() {
        byte[] tooLarge = new byte[700 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        MultipartBodyBuilder twoFiles = form(PDF, "a.pdf", "application/pdf", f -> { });
        twoFiles.part("file", new ByteArrayResource("b".getBytes(StandardCharsets.UTF_8))).filename("b.txt")
                .contentType(MediaType.TEXT_PLAIN);
        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("title", "ไม่มีไฟล์");
        return List.of(
                new Bad("an empty file", form(new byte[0], "a.txt", "text/plain", f -> { }), 400, "evidence-empty", "file"),
                new Bad("a file over the limit", form(tooLarge, "big.txt", "text/plain", f -> { }), 413,
                        "evidence-too-large", "file"),
                new Bad("a PDF declared as PNG", form(PDF, "a.png", "image/png", f -> { }), 400, "evidence-type", "file"),
                new Bad("plain text declared as PDF", form("สวัสดี".getBytes(StandardCharsets.UTF_8), "a.pdf",
                        "application/pdf", f -> { }), 400, "evidence-type", "file"),
                new Bad("an executable", form(exe, "setup.exe", "application/octet-stream", f -> { }), 400,
                        "evidence-type", "file"),
                new Bad("HTML declared as text", form("<!DOCTYPE html><script>alert(1)</script>".getBytes(
                        StandardCharsets.UTF_8), "a.txt", "text/plain", f -> { }), 400, "evidence-type", "file"),
                new Bad("HTML declared as HTML", form("<p>hi</p>".getBytes(StandardCharsets.UTF_8), "a.html",
                        "text/html", f -> { }), 400, "evidence-type", "file"),
                new Bad("a place not in the report", form(PDF, "a.pdf", "application/pdf",
                        f -> f.part("place", "criteria/9.9")), 400, "invalid-input", "place"),
                new Bad("a result not attached", form(PDF, "a.pdf", "application/pdf",
                        f -> f.part("resultId", "8b7c2c1e-6a43-4c55-a3c1-0f2b7f0e9d11")), 404, "not-found", "resultId"),
                new Bad("a title with NUL", form(PDF, "a.pdf", "application/pdf", f -> f.part("title", "a\u0000b")),
                        400, "invalid-input", "title"),
                new Bad("an unknown field", form(PDF, "a.pdf", "application/pdf", f -> f.part("owner", "x")), 400,
                        "invalid-input", "owner"),
                new Bad("no file", noFile, 400, "invalid-input", "file"),
                new Bad("two files", twoFiles, 400, "invalid-input", "file"));
    }

    @TestFactory
    List<DynamicTest> aBadUploadIsAProblemNamingTheFieldAndLeavesNoEventFileOrChunk() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Bad bad : badUploads()) {
            tests.add(DynamicTest.dynamicTest(bad.what() + ": " + bad.status() + " " + bad.type(), () -> {
                anOpenAssessment();
                long files = count("files");
                long chunks = count("chunks");
                long events = events();

                upload(bad.form()).expectStatus().isEqualTo(bad.status())
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + bad.type())
                        .jsonPath("$.field").isEqualTo(bad.field());

                assertThat(count("files")).as("evidence.files").isEqualTo(files);
                assertThat(count("chunks")).as("evidence.chunks").isEqualTo(chunks);
                assertThat(events()).as("events").isEqualTo(events);
            }));
        }
        return tests;
    }

    static MultipartBodyBuilder form(byte[] bytes, String fileName, String type, Consumer<MultipartBodyBuilder> more) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(bytes)).filename(fileName).contentType(MediaType.parseMediaType(type));
        more.accept(form);
        return form;
    }

    WebTestClient.ResponseSpec upload(MultipartBodyBuilder form) {
        return client.post().uri("/api/assessments/{id}/evidence", id).contentType(MediaType.MULTIPART_FORM_DATA)
                     .body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    long count(String collection) {
        return database.getCollection("evidence." + collection).countDocuments();
    }

    long events() {
        return ((MongoEventStorageEngine) context.getBean("eventStorageEngine")).headPosition();
    }

    Object lastPayload() {
        List<? extends EventMessage<?>> events = eventStore.readEvents(id, 0).asStream().toList();
        return events.get(events.size() - 1).getPayload();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
