package th.pmqa.studio.command.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Bad input of every kind, one request each: the status, a problem-details body naming the field where there is
 * one, and an event store that did not move.
 */
@th.pmqa.studio.infra.testing.ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputBatteryTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("battery")));
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoEventStorageEngine events;
    WebTestClient client;

    /** {@code body}: the text of the body, or its bytes where they are no valid UTF-8. */
    record Case(String name, HttpMethod method, String path, Object body, int status, String field) {
    }

    private static final String DRAFT = "/api/assessments/BAT-2567/criteria/1.1/levels/basic/approach";
    private static final String RESULTS = "/api/assessments/BAT-2567/criteria/1.1/levels/basic/results";
    private static final String QUESTION = "/api/assessments/BAT-2567/profile/questions/6";
    private static final String ANALYSIS = "/api/assessments/BAT-2567/criteria/1.1/analysis";
    private static final String RESULT = "{\"indicatorGroup\":\"7.1.1\",\"name\":\"ร้อยละ\",";
    private static final String CID = "/api/assessments/BAT-2567/criteria/1.1/cid";
    private static final String PROCESSES = "/api/assessments/BAT-2567/key-processes";
    private static final String NO_SUCH_ID = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    private static final String OPEN = "{\"organizationCode\":\"BAT\",\"organizationName\":\"จ\",\"organizationType\":\"PROVINCE\","
                                       + "\"catalogVersion\":\"pmqa-4.0/2567\",";

    /** {@code {"text":"a<bytes>b","baseRevision":0}}: a text holding the given bytes, whatever they are. */
    private static byte[] textWithBytes(int... bytes) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes("{\"text\":\"a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int b : bytes) {
            body.write(b);
        }
        body.writeBytes("b\",\"baseRevision\":0}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @BeforeAll
    void openOneAssessment() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-bat").claim("name", "ผู้ทดสอบ").claim("org", "BAT")
                                                    .claim("roles", List.of("LEAD"))));
        client.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("organizationCode", "BAT", "organizationName", "จังหวัด", "organizationType", "PROVINCE",
                                "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
              .exchange().expectStatus().isCreated();
        attachedResult = client.post().uri(RESULTS).contentType(MediaType.APPLICATION_JSON)
                               .bodyValue(RESULT + "\"values\":{\"2566\":1}}").exchange().expectStatus().isCreated()
                               .expectBody(Map.class).returnResult().getResponseBody().get("resultId").toString();
    }

    /** A result attached before the cases run: {@code {result}} in a case's path. */
    String attachedResult;

    static final List<Case> CASES = List.of(
            new Case("oversize text", HttpMethod.PUT, DRAFT,
                     "{\"text\":\"" + "ก".repeat(50_001) + "\",\"baseRevision\":0}", 413, "text"),
            new Case("malformed JSON", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",", 400, null),
            new Case("not JSON at all", HttpMethod.PUT, DRAFT, "text=ก", 400, null),
            new Case("a number where text belongs", HttpMethod.PUT, DRAFT, "{\"text\":42,\"baseRevision\":0}", 400, null),
            new Case("text where a revision belongs", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",\"baseRevision\":\"หนึ่ง\"}", 400, "baseRevision"),
            new Case("a missing revision", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\"}", 400, "baseRevision"),
            new Case("a negative revision", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",\"baseRevision\":-1}", 400, "baseRevision"),
            new Case("an unknown assessment", HttpMethod.PUT, "/api/assessments/BAT-2600/criteria/1.1/levels/basic/approach",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "assessmentId"),
            new Case("an unknown sub-criterion", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/9.9/levels/basic/approach",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "criterionId"),
            new Case("an unknown level", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/levels/expert/approach",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "level"),
            new Case("an unknown OP item", HttpMethod.PUT, "/api/assessments/BAT-2567/profile/30",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "item"),
            new Case("a score outside the band", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/rating",
                     "{\"level\":\"basic\",\"score\":450}", 400, "score"),
            new Case("a fiscal year out of range", HttpMethod.POST, "/api/assessments",
                     "{\"organizationCode\":\"BAT\",\"organizationName\":\"จ\",\"organizationType\":\"PROVINCE\","
                     + "\"fiscalYear\":99999,\"catalogVersion\":\"pmqa-4.0/2567\"}", 400, "fiscalYear"),
            new Case("an unknown organization type", HttpMethod.POST, "/api/assessments",
                     "{\"organizationCode\":\"BAT\",\"organizationName\":\"จ\",\"organizationType\":\"PLANET\","
                     + "\"fiscalYear\":2568,\"catalogVersion\":\"pmqa-4.0/2567\"}", 400, null),
            new Case("an operator where an id belongs", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/links",
                     "{\"profileItems\":[{\"$gt\":0}]}", 400, null),
            new Case("a NUL character", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\\u0000\",\"baseRevision\":0}", 400, "text"),
            new Case("a lone surrogate", HttpMethod.PUT, DRAFT, "{\"text\":\"\\ud800\",\"baseRevision\":0}", 400, "text"),
            // numbers without bounds: 1e5000000 is nine characters that expand to five million digits
            new Case("a target of 1e5000000", HttpMethod.POST, RESULTS, RESULT + "\"target\":1e5000000}", 400, "target"),
            new Case("a value of 1e5000000", HttpMethod.POST, RESULTS, RESULT + "\"values\":{\"2566\":1e5000000}}", 400,
                     "values.2566"),
            new Case("a value of 10^15", HttpMethod.POST, RESULTS, RESULT + "\"values\":{\"2566\":1000000000000000}}", 400,
                     "values.2566"),
            new Case("a value just above the largest", HttpMethod.POST, RESULTS,
                     RESULT + "\"values\":{\"2566\":999999999999999.5}}", 400, "values.2566"),
            new Case("a negative value of -10^15", HttpMethod.POST, RESULTS,
                     RESULT + "\"values\":{\"2566\":-1000000000000000}}", 400, "values.2566"),
            new Case("a value with seven decimals", HttpMethod.POST, RESULTS, RESULT + "\"values\":{\"2566\":0.0000001}}", 400,
                     "values.2566"),
            new Case("a value of 1e-5000000", HttpMethod.POST, RESULTS, RESULT + "\"values\":{\"2566\":1e-5000000}}", 400,
                     "values.2566"),
            new Case("a number of 33 digits", HttpMethod.POST, RESULTS,
                     RESULT + "\"values\":{\"2566\":" + "1".repeat(33) + "}}", 400, "values.2566"),
            new Case("a target given as text", HttpMethod.POST, RESULTS, RESULT + "\"target\":\"95\"}", 400, "target"),
            new Case("a fiscal year with a fraction", HttpMethod.POST, "/api/assessments", OPEN + "\"fiscalYear\":2567.9}",
                     400, "fiscalYear"),
            new Case("a fiscal year of 1e5000000", HttpMethod.POST, "/api/assessments", OPEN + "\"fiscalYear\":1e5000000}",
                     400, "fiscalYear"),
            new Case("a fiscal year given as text", HttpMethod.POST, "/api/assessments", OPEN + "\"fiscalYear\":\"2568\"}",
                     400, "fiscalYear"),
            new Case("a revision given as text", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",\"baseRevision\":\"7\"}", 400,
                     "baseRevision"),
            new Case("a revision with a fraction", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",\"baseRevision\":7.9}", 400,
                     "baseRevision"),
            new Case("a revision of 1e5000000", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",\"baseRevision\":1e5000000}", 400,
                     "baseRevision"),
            new Case("a revision above 2^53 - 1", HttpMethod.PUT, DRAFT,
                     "{\"text\":\"ก\",\"baseRevision\":9007199254740992}", 400, "baseRevision"),
            new Case("a score with a fraction", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/rating",
                     "{\"level\":\"basic\",\"score\":350.5,\"rationale\":\"ก\"}", 400, "score"),
            new Case("a score given as text", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/rating",
                     "{\"level\":\"basic\",\"score\":\"350\",\"rationale\":\"ก\"}", 400, "score"),
            new Case("an OP item with a fraction", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/links",
                     "{\"profileItems\":[1.5]}", 400, "profileItems[0]"),
            // lenient parsing
            new Case("a duplicated key", HttpMethod.PUT, DRAFT, "{\"text\":\"a\",\"text\":\"b\",\"baseRevision\":0}", 400,
                     "text"),
            new Case("a duplicated key inside values", HttpMethod.POST, RESULTS,
                     RESULT + "\"values\":{\"2566\":1,\"2566\":2}}", 400, "values.2566"),
            new Case("trailing garbage", HttpMethod.PUT, DRAFT, "{\"text\":\"a\",\"baseRevision\":0} x", 400, null),
            new Case("a second JSON value", HttpMethod.PUT, DRAFT,
                     "{\"text\":\"a\",\"baseRevision\":0}{\"text\":\"b\",\"baseRevision\":0}", 400, null),
            new Case("overlong UTF-8 for '/' (C0 AF)", HttpMethod.PUT, DRAFT, textWithBytes(0xC0, 0xAF), 400, "text"),
            new Case("overlong UTF-8 for '/' in three bytes (E0 80 AF)", HttpMethod.PUT, DRAFT,
                     textWithBytes(0xE0, 0x80, 0xAF), 400, "text"),
            new Case("a surrogate encoded in UTF-8 (ED A0 80)", HttpMethod.PUT, DRAFT, textWithBytes(0xED, 0xA0, 0x80), 400,
                     "text"),
            new Case("a code point above U+10FFFF (F4 90 80 80)", HttpMethod.PUT, DRAFT,
                     textWithBytes(0xF4, 0x90, 0x80, 0x80), 400, "text"),
            // the answer to an OP question and the Step-1 analysis of a sub-criterion
            new Case("an OP question the catalog does not have", HttpMethod.PUT, QUESTION.replace("/6", "/14"),
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "question"),
            new Case("OP question 0", HttpMethod.PUT, QUESTION.replace("/6", "/0"),
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "question"),
            new Case("an OP question that is no number", HttpMethod.PUT, QUESTION.replace("/6", "/six"),
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "question"),
            new Case("an OP question in Thai digits", HttpMethod.PUT, QUESTION.replace("/6", "/๖"),
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "question"),
            new Case("an oversize answer", HttpMethod.PUT, QUESTION,
                     "{\"text\":\"" + "ก".repeat(50_001) + "\",\"baseRevision\":0}", 413, "text"),
            new Case("an answer without its revision", HttpMethod.PUT, QUESTION, "{\"text\":\"ก\"}", 400,
                     "baseRevision"),
            new Case("an answer of a number", HttpMethod.PUT, QUESTION, "{\"text\":6,\"baseRevision\":0}", 400, null),
            new Case("an analysis of a sub-criterion the catalog does not have", HttpMethod.PUT,
                     ANALYSIS.replace("1.1", "9.9"), "{\"text\":\"ก\",\"baseRevision\":0}", 404, "criterionId"),
            new Case("an oversize analysis", HttpMethod.PUT, ANALYSIS,
                     "{\"text\":\"" + "ก".repeat(50_001) + "\",\"baseRevision\":0}", 413, "text"),
            new Case("a lone surrogate in an analysis", HttpMethod.PUT, ANALYSIS,
                     "{\"text\":\"\\udc00\",\"baseRevision\":0}", 400, "text"),
            new Case("an analysis on a revision above 2^53 - 1", HttpMethod.PUT, ANALYSIS,
                     "{\"text\":\"ก\",\"baseRevision\":9007199254740992}", 400, "baseRevision"),
            // the C-I-D worksheet and key processes (issue 12)
            new Case("a C-I-D kind X", HttpMethod.POST, CID, "{\"kind\":\"X\",\"data\":\"ก\"}", 400, "kind"),
            new Case("a C-I-D kind in lower case", HttpMethod.POST, CID, "{\"kind\":\"c\",\"data\":\"ก\"}", 400, "kind"),
            new Case("a C-I-D row without a kind", HttpMethod.POST, CID, "{\"data\":\"ก\"}", 400, "kind"),
            new Case("a blank C-I-D data", HttpMethod.POST, CID, "{\"kind\":\"C\",\"data\":\" \\n\"}", 400, "data"),
            new Case("a C-I-D row without data", HttpMethod.POST, CID, "{\"kind\":\"C\",\"output\":\"ก\"}", 400, "data"),
            new Case("an oversize C-I-D field", HttpMethod.POST, CID,
                     "{\"kind\":\"C\",\"data\":\"ก\",\"need\":\"" + "ก".repeat(50_001) + "\"}", 413, "need"),
            new Case("a NUL in a C-I-D field", HttpMethod.POST, CID, "{\"kind\":\"D\",\"data\":\"ก\\u0000\"}", 400,
                     "data"),
            new Case("a C-I-D row of an unknown sub-criterion", HttpMethod.POST,
                     "/api/assessments/BAT-2567/criteria/9.9/cid", "{\"kind\":\"C\",\"data\":\"ก\"}", 404, "criterionId"),
            new Case("an edit of an unknown C-I-D row", HttpMethod.PUT, CID + "/" + NO_SUCH_ID,
                     "{\"kind\":\"C\",\"data\":\"ก\",\"baseRevision\":1}", 404, "rowId"),
            new Case("a C-I-D edit without a revision", HttpMethod.PUT, CID + "/" + NO_SUCH_ID,
                     "{\"kind\":\"C\",\"data\":\"ก\"}", 400, "baseRevision"),
            new Case("a C-I-D edit with a negative revision", HttpMethod.PUT, CID + "/" + NO_SUCH_ID,
                     "{\"kind\":\"C\",\"data\":\"ก\",\"baseRevision\":-1}", 400, "baseRevision"),
            new Case("removing an unknown C-I-D row", HttpMethod.DELETE, CID + "/" + NO_SUCH_ID, "", 404, "rowId"),
            new Case("an unknown value-chain stage", HttpMethod.POST, PROCESSES,
                     "{\"name\":\"ก\",\"stage\":\"sideways\"}", 400, "stage"),
            new Case("a key process without a name", HttpMethod.POST, PROCESSES, "{\"stage\":\"upstream\"}", 400, "name"),
            new Case("an oversize key-process field", HttpMethod.POST, PROCESSES,
                     "{\"name\":\"ก\",\"stage\":\"upstream\",\"objectives\":\"" + "ก".repeat(50_001) + "\"}", 413,
                     "objectives"),
            new Case("an edit of an unknown key process", HttpMethod.PUT, PROCESSES + "/" + NO_SUCH_ID,
                     "{\"name\":\"ก\",\"stage\":\"upstream\",\"baseRevision\":1}", 404, "processId"),
            new Case("removing an unknown key process", HttpMethod.DELETE, PROCESSES + "/" + NO_SUCH_ID, "", 404,
                     "processId"),
            new Case("key processes linked from 1.1", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/links",
                     "{\"keyProcesses\":[\"" + NO_SUCH_ID + "\"]}", 400, "keyProcesses"),
            new Case("an unknown key process linked from 6.2", HttpMethod.PUT,
                     "/api/assessments/BAT-2567/criteria/6.2/links", "{\"keyProcesses\":[\"" + NO_SUCH_ID + "\"]}", 400,
                     "keyProcesses[0]"),
            new Case("a number where a key-process id belongs", HttpMethod.PUT,
                     "/api/assessments/BAT-2567/criteria/6.2/links", "{\"keyProcesses\":[7]}", 400, null),
            // issue 12: a result's comparison value with its source, and which way is better
            new Case("a comparison value of 1e5000000", HttpMethod.POST, RESULTS,
                     RESULT + "\"comparison\":{\"value\":1e5000000,\"source\":\"สถิติ\"}}", 400, "comparison.value"),
            new Case("a comparison value of 10^15", HttpMethod.POST, RESULTS,
                     RESULT + "\"comparison\":{\"value\":1000000000000000,\"source\":\"สถิติ\"}}", 400,
                     "comparison.value"),
            new Case("a comparison value given as text", HttpMethod.POST, RESULTS,
                     RESULT + "\"comparison\":{\"value\":\"95\",\"source\":\"สถิติ\"}}", 400, "comparison.value"),
            new Case("a comparison without a value", HttpMethod.POST, RESULTS,
                     RESULT + "\"comparison\":{\"source\":\"สถิติ\"}}", 400, "comparison.value"),
            new Case("a comparison value without its source", HttpMethod.POST, RESULTS,
                     RESULT + "\"comparison\":{\"value\":95}}", 400, "comparison.source"),
            new Case("a comparison source of 501 characters", HttpMethod.POST, RESULTS,
                     RESULT + "\"comparison\":{\"value\":95,\"source\":\"" + "ก".repeat(501) + "\"}}", 400,
                     "comparison.source"),
            new Case("a comparison source with a NUL", HttpMethod.POST, RESULTS,
                     RESULT + "\"comparison\":{\"value\":95,\"source\":\"ก\\u0000\"}}", 400, "comparison.source"),
            new Case("a direction of sideways", HttpMethod.POST, RESULTS, RESULT + "\"direction\":\"sideways\"}", 400,
                     "direction"),
            new Case("a direction in capitals", HttpMethod.POST, RESULTS, RESULT + "\"direction\":\"HIGHER\"}", 400,
                     "direction"),
            new Case("a direction given as a number", HttpMethod.POST, RESULTS, RESULT + "\"direction\":1}", 400,
                     "direction"),
            new Case("a revision of a result that is not attached", HttpMethod.PUT, RESULTS + "/no-such-result",
                     RESULT + "\"direction\":\"higher\"}", 404, "resultId"),
            new Case("a revision with a direction of sideways", HttpMethod.PUT, RESULTS + "/{result}",
                     RESULT + "\"direction\":\"sideways\"}", 400, "direction"),
            new Case("a revision with an unbounded comparison value", HttpMethod.PUT, RESULTS + "/{result}",
                     RESULT + "\"comparison\":{\"value\":1e5000000,\"source\":\"สถิติ\"}}", 400,
                     "comparison.value"),
            new Case("a revision with a comparison value without its source", HttpMethod.PUT, RESULTS + "/{result}",
                     RESULT + "\"comparison\":{\"value\":95,\"source\":\"\"}}", 400, "comparison.source"),
            // evidence (issue 16): the multipart cases are EvidenceUploadHttpTest's; here what reaches it as JSON
            new Case("evidence sent as JSON instead of a multipart form", HttpMethod.POST,
                     "/api/assessments/BAT-2567/evidence", "{\"file\":\"JVBERi0=\"}", 415, null),
            new Case("the removal of evidence named by no evidence id's form", HttpMethod.DELETE,
                     "/api/assessments/BAT-2567/evidence/not-an-id", "", 404, "evidenceId"),
            new Case("the removal of evidence the assessment does not have", HttpMethod.DELETE,
                     "/api/assessments/BAT-2567/evidence/" + NO_SUCH_ID, "", 404, "evidenceId"));

    @TestFactory
    List<DynamicTest> everyKindOfBadInputIsRefusedWithAProblemAndChangesNothing() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name() + " → " + c.status(), () -> {
            long before = events.headPosition();
            var body = client.method(c.method()).uri(c.path().replace("{result}", attachedResult))
                             .contentType(MediaType.APPLICATION_JSON).bodyValue(c.body())
                             .exchange()
                             .expectStatus().isEqualTo(c.status())
                             .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .expectBody()
                             .jsonPath("$.status").isEqualTo(c.status())
                             .jsonPath("$.type").exists()
                             .jsonPath("$.detail").exists();
            if (c.field() != null) {
                body.jsonPath("$.field").isEqualTo(c.field());
            }
            assertThat(events.headPosition()).as("nothing stored").isEqualTo(before);
        })).toList();
    }

    @Test
    void indicatorNumbersAtTheirBoundsAreStoredAsSent() {
        long before = events.headPosition();
        client.post().uri(RESULTS).contentType(MediaType.APPLICATION_JSON)
              .bodyValue(RESULT + "\"target\":0.000001,\"values\":{\"2566\":999999999999999,"
                         + "\"2567\":-999999999999999.000000,\"2568\":1E+14,\"2569\":-0.5}}")
              .exchange().expectStatus().isCreated();
        assertThat(events.headPosition()).isGreaterThan(before);
    }

    @Test
    void noOrganizationIsNamedNullNotEvenByAnAdmin() {
        WebTestClient admin = client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-admin").claim("name", "ผู้ดูแล")
                                                                          .claim("roles", List.of("ADMIN"))));
        for (String code : List.of("null", "NULL", "Null")) {
            long before = events.headPosition();
            admin.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(OPEN.replace("\"BAT\"", "\"" + code + "\"") + "\"fiscalYear\":2567}")
                 .exchange()
                 .expectStatus().isBadRequest()
                 .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                 .expectBody().jsonPath("$.field").isEqualTo("organizationCode");
            assertThat(events.headPosition()).as("nothing stored").isEqualTo(before);
        }
    }

    /**
     * Tokens that got past the decoder (mockJwt skips it, as a provider with other validation rules might): a token
     * that names nobody or no organization for an organization-scoped role is refused, not a 500 and not "null".
     */
    @TestFactory
    List<DynamicTest> aTokenWithoutSubjectOrOrganizationIsRefusedWith401AndChangesNothing() {
        Map<String, java.util.function.Consumer<Map<String, Object>>> tokens = new java.util.LinkedHashMap<>();
        tokens.put("no sub", c -> c.remove("sub"));
        tokens.put("a blank sub", c -> c.put("sub", "  "));
        tokens.put("an editor without org", c -> c.remove("org"));
        tokens.put("an editor with a blank org", c -> c.put("org", ""));
        return tokens.entrySet().stream().map(t -> DynamicTest.dynamicTest(t.getKey() + " → 401", () -> {
            WebTestClient holder = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                    .build().mutateWith(mockJwt().jwt(jwt -> jwt.claims(c -> {
                        c.put("sub", "u-edit");
                        c.put("name", "ผู้ทดสอบ");
                        c.put("org", "BAT");
                        c.put("roles", List.of("EDITOR"));
                        t.getValue().accept(c);
                    })));
            long before = events.headPosition();
            holder.put().uri(DRAFT).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"ก\",\"baseRevision\":0}")
                  .exchange()
                  .expectStatus().isUnauthorized()
                  .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                  .expectBody()
                  .jsonPath("$.status").isEqualTo(401)
                  .jsonPath("$.type").isEqualTo("https://pmqa-studio.example/problems/unauthenticated");
            assertThat(events.headPosition()).as("nothing stored").isEqualTo(before);
        })).toList();
    }

    @Test
    void aPathTheFirewallRefusesGetsAProblemRatherThanAnEmptyAnswer() {
        long before = events.headPosition();
        // an encoded '%' (found by the fuzzer): Spring Security's firewall refuses it before any controller
        client.put().uri(java.net.URI.create("http://localhost/api/assessments/BAT-2567/criteria/1%25/links"))
              .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"profileItems\":[1]}")
              .exchange()
              .expectStatus().isBadRequest()
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody()
              .jsonPath("$.type").isEqualTo("https://pmqa-studio.example/problems/rejected-request")
              .jsonPath("$.field").isEqualTo("path");
        assertThat(events.headPosition()).as("nothing stored").isEqualTo(before);
    }

    @TestFactory
    List<DynamicTest> injectionStringsAreStoredAsTheTextTheyAreAndNothingElse() {
        return List.of("'; DROP TABLE events; --", "{\"$where\":\"sleep(1000)\"}", "<script>alert(1)</script>",
                       "\"><img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "../../etc/passwd").stream()
                .map(text -> DynamicTest.dynamicTest(text, () -> {
                    String path = "/api/assessments/BAT-2567/criteria/2.1/levels/basic/deploy";
                    long revision = client.put().uri(path).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("text", "x", "baseRevision", current(path))).exchange()
                            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                            .get("revision") instanceof Number n ? n.longValue() : -1;
                    client.put().uri(path).contentType(MediaType.APPLICATION_JSON)
                          .bodyValue(Map.of("text", text, "baseRevision", revision)).exchange().expectStatus().isOk();
                    revisions.put(path, revision + 1);
                })).toList();
    }

    private final Map<String, Long> revisions = new java.util.concurrent.ConcurrentHashMap<>();

    private long current(String path) {
        return revisions.getOrDefault(path, 0L);
    }
}
