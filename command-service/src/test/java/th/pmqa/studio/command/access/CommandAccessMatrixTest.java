package th.pmqa.studio.command.access;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import th.pmqa.studio.infra.testing.AccessMatrix;
import th.pmqa.studio.infra.testing.PathVariants;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Every endpoint of the command service × every role × own or another organization × with or without a token, from
 * one table. An endpoint missing from the table fails {@link #everyEndpointHasARule()}, so nothing new ships
 * without a rule.
 */
@th.pmqa.studio.infra.testing.ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class CommandAccessMatrixTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("access")));
    }

    /** Who may: {@code own} for their own organization only, {@code any} for every organization. */
    record Rule(HttpMethod method, String pattern, String path, Object body, Map<String, String> allowed,
                boolean anonymous) {
        Rule(HttpMethod method, String pattern, String path, Object body, Map<String, String> allowed) {
            this(method, pattern, path, body, allowed, false);
        }
    }

    private static final Map<String, String> EVERYONE = Map.of("EDITOR", "any", "LEAD", "any", "FACILITATOR", "any",
                                                               "ADMIN", "any", "NONE", "any");

    private static final Map<String, String> DRAFTERS = Map.of("EDITOR", "own", "LEAD", "own");
    private static final Map<String, String> LEADS = Map.of("LEAD", "own");
    private static final Map<String, String> COMMENTERS = Map.of("EDITOR", "own", "LEAD", "own", "FACILITATOR", "any",
                                                                 "ADMIN", "any");
    private static final Map<String, String> WINDOW_KEEPERS = Map.of("FACILITATOR", "any", "ADMIN", "any");
    private static final Map<String, Object> EDIT = Map.of("text", "ข้อความ", "baseRevision", 0);

    /** {org} is replaced by the organization the request is about. */
    static final List<Rule> TABLE = List.of(
            new Rule(HttpMethod.POST, "/api/assessments", "/api/assessments",
                     Map.of("organizationCode", "{org}", "organizationName", "จังหวัด", "organizationType", "PROVINCE",
                            "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"),
                     Map.of("LEAD", "own", "ADMIN", "any")),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/profile/{item}", "/api/assessments/{org}-2567/profile/1", EDIT, DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/criteria/{criterionId}/levels/{level}/{part}",
                     "/api/assessments/{org}-2567/criteria/1.1/levels/basic/approach", EDIT, DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/criteria/{criterionId}/links",
                     "/api/assessments/{org}-2567/criteria/1.1/links", Map.of("profileItems", List.of(1)), DRAFTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/criteria/{criterionId}/levels/{level}/results",
                     "/api/assessments/{org}-2567/criteria/1.1/levels/basic/results",
                     Map.of("indicatorGroup", "7.1.1", "name", "ตัวชี้วัด"), DRAFTERS),
            new Rule(HttpMethod.DELETE, "/api/assessments/{id}/criteria/{criterionId}/levels/{level}/results/{resultId}",
                     "/api/assessments/{org}-2567/criteria/1.1/levels/basic/results/r-1", null, DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/criteria/{criterionId}/levels/{level}/results/{resultId}",
                     "/api/assessments/{org}-2567/criteria/1.1/levels/basic/results/r-1",
                     Map.of("indicatorGroup", "7.1.1", "name", "ตัวชี้วัด", "direction", "higher"), DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/criteria/{criterionId}/summary",
                     "/api/assessments/{org}-2567/criteria/1.1/summary", EDIT, DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/criteria/{criterionId}/rating",
                     "/api/assessments/{org}-2567/criteria/1.1/rating", Map.of("level", "basic", "score", 350), LEADS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/submit", "/api/assessments/{org}-2567/submit", null, LEADS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/reopen", "/api/assessments/{org}-2567/reopen",
                     Map.of("reason", "แก้ไข"), LEADS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/comments", "/api/assessments/{org}-2567/comments",
                     Map.of("section", "criteria/1.1/summary", "text", "ความเห็น"), COMMENTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/comments/{threadId}/replies",
                     "/api/assessments/{org}-2567/comments/t-1/replies", Map.of("text", "ตอบ"), COMMENTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/comments/{threadId}/resolve",
                     "/api/assessments/{org}-2567/comments/t-1/resolve", null, COMMENTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/comments/{threadId}/reopen",
                     "/api/assessments/{org}-2567/comments/t-1/reopen", null, COMMENTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/workflow/{section}/ready",
                     "/api/assessments/{org}-2567/workflow/1.1/ready", null, DRAFTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/workflow/{section}/approve",
                     "/api/assessments/{org}-2567/workflow/1.1/approve", null, LEADS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/workflow/{section}/reopen",
                     "/api/assessments/{org}-2567/workflow/1.1/reopen", Map.of("reason", "แก้ไข"), LEADS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/submission-window", "/api/assessments/{org}-2567/submission-window",
                     Map.of("opensAt", "2024-01-01T00:00:00Z", "closesAt", "2099-01-01T00:00:00Z"), WINDOW_KEEPERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/submission-window/extend",
                     "/api/assessments/{org}-2567/submission-window/extend",
                     Map.of("closesAt", "2099-06-01T00:00:00Z", "reason", "ขยาย"), WINDOW_KEEPERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/labels", "/api/assessments/{org}-2567/labels",
                     Map.of("label", "ร่าง {org} " + java.util.UUID.randomUUID()), LEADS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/profile/questions/{question}",
                     "/api/assessments/{org}-2567/profile/questions/6", EDIT, DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/criteria/{criterionId}/analysis",
                     "/api/assessments/{org}-2567/criteria/1.1/analysis", EDIT, DRAFTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/criteria/{criterionId}/cid",
                     "/api/assessments/{org}-2567/criteria/1.1/cid", Map.of("kind", "C", "data", "เครือข่าย"), DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/criteria/{criterionId}/cid/{rowId}",
                     "/api/assessments/{org}-2567/criteria/1.1/cid/9b1de1f4-6f55-4a2e-bf0e-7c1d3a5e2b10",
                     Map.of("kind", "C", "data", "เครือข่าย", "baseRevision", 1), DRAFTERS),
            new Rule(HttpMethod.DELETE, "/api/assessments/{id}/criteria/{criterionId}/cid/{rowId}",
                     "/api/assessments/{org}-2567/criteria/1.1/cid/9b1de1f4-6f55-4a2e-bf0e-7c1d3a5e2b10", null, DRAFTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/key-processes", "/api/assessments/{org}-2567/key-processes",
                     Map.of("name", "กระบวนการหลัก", "stage", "upstream"), DRAFTERS),
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/key-processes/{processId}",
                     "/api/assessments/{org}-2567/key-processes/3c0a7e9d-1b2f-4c5e-8d6a-9f0e1d2c3b40",
                     Map.of("name", "กระบวนการหลัก", "stage", "upstream", "baseRevision", 1), DRAFTERS),
            new Rule(HttpMethod.DELETE, "/api/assessments/{id}/key-processes/{processId}",
                     "/api/assessments/{org}-2567/key-processes/3c0a7e9d-1b2f-4c5e-8d6a-9f0e1d2c3b40", null, DRAFTERS),
            new Rule(HttpMethod.POST, "/api/assessments/{id}/evidence", "/api/assessments/{org}-2567/evidence",
                     new Upload("หลักฐาน {org}.txt", "หลักฐานของ {org}"), DRAFTERS),
            new Rule(HttpMethod.DELETE, "/api/assessments/{id}/evidence/{evidenceId}",
                     "/api/assessments/{org}-2567/evidence/0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a21", null, DRAFTERS),
            new Rule(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs", null, EVERYONE, true),
            new Rule(HttpMethod.GET, "/v3/api-docs.yaml", "/v3/api-docs.yaml", null, EVERYONE, true),
            // metrics: not in the API's handler mappings (everyEndpointHasARule), but under the same rules
            new Rule(HttpMethod.GET, "/actuator/prometheus", "/actuator/prometheus", null, Map.of("ADMIN", "any")));

    static final List<String> ROLES = List.of("EDITOR", "LEAD", "FACILITATOR", "ADMIN", "NONE");

    /** The first request for the API's description builds it: seconds on a loaded machine, beyond the default 5 s. */
    private static final java.time.Duration RESPONSE_TIMEOUT = java.time.Duration.ofSeconds(20);

    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    EventStore eventStore;

    @Test
    void everyEndpointHasARule() {
        Set<String> endpoints = AccessMatrix.endpoints(mappings);
        Set<String> ruled = TABLE.stream().filter(r -> !r.pattern().startsWith("/actuator/"))
                                 .map(r -> r.method() + " " + r.pattern()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(endpoints).isEqualTo(ruled);
    }

    @TestFactory
    List<DynamicTest> everyEndpointAnswersEveryRoleForOwnAndOtherOrganizationsAsTheTableSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : TABLE) {
            tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + " without a token: "
                                              + (rule.anonymous() ? "allowed" : "401"), () -> {
                WebTestClient anonymous = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                                                       .configureClient().responseTimeout(RESPONSE_TIMEOUT).build();
                if (rule.anonymous()) {
                    request(anonymous, rule, "OWN").expectStatus().isOk();
                } else {
                    request(anonymous, rule, "OWN").expectStatus().isUnauthorized();
                }
            }));
            for (String role : ROLES) {
                for (String target : List.of("own", "other")) {
                    String scope = rule.allowed().get(role);
                    boolean allowed = AccessMatrix.allows(scope, target.equals("own"));
                    tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + " as " + role + " of "
                                                      + target + " organization: " + (allowed ? "allowed" : "403"), () -> {
                        WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                                .configureClient().responseTimeout(RESPONSE_TIMEOUT).build()
                                .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-" + role).claim("name", "ผู้ทดสอบ")
                                        .claim("org", "OWN").claim("roles", role.equals("NONE") ? List.of() : List.of(role))));
                        String organization = target.equals("own") ? "OWN" : "OTH" + role;
                        long before = events();
                        var response = request(client, rule, organization).expectBody(String.class).returnResult();
                        int status = response.getStatus().value();
                        if (allowed) {
                            assertThat(status).as(response.getResponseBody()).isNotIn(401, 403);
                        } else {
                            assertThat(status).as(response.getResponseBody()).isEqualTo(403);
                            assertThat(response.getResponseBody()).contains("\"type\":\"https://pmqa-studio.example/problems/forbidden\"");
                            assertThat(events()).as("a refused request stores nothing").isEqualTo(before);
                        }
                    }));
                }
            }
        }
        return tests;
    }

    /**
     * Access must not depend on how a path is spelled: every variant of every endpoint's path (escaped letters in
     * fixed and variable segments, encoded slashes and dots, doubled and trailing slashes, matrix parameters) gets the
     * plain path's decision, or is refused outright, and a refusal stores nothing. Each spelling is asked by one token
     * of each decision the plain path has (no token; allowed; refused for another organization; refused for the role),
     * the roles taking turns across an endpoint's spellings ({@link AccessMatrix#askersOfSpelling}); every role × both
     * organizations asks the plain path above.
     */
    @TestFactory
    List<DynamicTest> everySpellingOfEveryPathGetsThePlainPathsDecisionOrIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : TABLE) {
            List<PathVariants.Variant> described = PathVariants.of(rule.path().replace("{org}", "OWN"));
            for (int v = 0; v < described.size(); v++) {
                int index = v;
                PathVariants.Variant spelling = described.get(index);
                List<AccessMatrix.Asker> askers = AccessMatrix.askersOfSpelling(rule.allowed(), ROLES, index);
                tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + ", " + spelling.kind() + ": "
                                                  + spelling.expect(), () -> {
                    List<String> wrong = new ArrayList<>();
                    for (AccessMatrix.Asker asker : askers) {
                        String role = asker.role();
                        String organization = asker.own() ? "OWN" : "OTH" + role;
                        PathVariants.Variant variant = PathVariants.of(rule.path().replace("{org}", organization))
                                                                   .get(index);
                        boolean anonymous = asker.anonymous();
                        boolean allowed = anonymous ? rule.anonymous()
                                : AccessMatrix.allows(rule.allowed().get(role), asker.own());
                        // only a request that must store nothing needs the store's head before and after
                        boolean mustStoreNothing = !allowed || variant.expect() != PathVariants.Expect.SAME;
                        long before = mustStoreNothing ? events() : 0;
                        int answer = request(client(role), rule, organization, java.net.URI.create(variant.path()))
                                .expectBody(String.class).returnResult().getStatus().value();
                        int plain = allowed ? 200 : anonymous ? 401 : 403;
                        boolean right = switch (variant.expect()) {
                            case SAME -> allowed ? answer != 401 && answer != 403 : answer == plain;
                            default -> variant.accepts(answer, plain, !anonymous);
                        };
                        if (!right) {
                            wrong.add(role + " on " + organization + ": " + variant.path() + " answered " + answer
                                      + " where the plain path is " + (allowed ? "allowed" : plain));
                        }
                        if (mustStoreNothing && events() != before) {
                            wrong.add(role + " on " + organization + ": " + variant.path() + " stored an event");
                        }
                    }
                    assertThat(wrong).isEmpty();
                }));
            }
        }
        return tests;
    }

    private WebTestClient client(String role) {
        WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                                            .configureClient().responseTimeout(RESPONSE_TIMEOUT).build();
        return role.equals(AccessMatrix.ANONYMOUS) ? client
                : client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-" + role).claim("name", "ผู้ทดสอบ")
                        .claim("org", "OWN").claim("roles", role.equals("NONE") ? List.of() : List.of(role))));
    }

    private long events() {
        return ((th.pmqa.studio.infra.eventstore.MongoEventStorageEngine) context.getBean("eventStorageEngine")).headPosition();
    }

    private static WebTestClient.ResponseSpec request(WebTestClient client, Rule rule, String organization) {
        return request(client, rule, organization, java.net.URI.create(rule.path().replace("{org}", organization)));
    }

    /** The path is sent exactly as written: no encoding is added or taken away on the way. */
    private static WebTestClient.ResponseSpec request(WebTestClient client, Rule rule, String organization,
                                                      java.net.URI path) {
        var spec = client.method(rule.method()).uri(path);
        if (rule.body() instanceof Upload upload) {
            var form = new org.springframework.http.client.MultipartBodyBuilder();
            form.part("file", new org.springframework.core.io.ByteArrayResource(
                    upload.text().replace("{org}", organization).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .filename(upload.fileName().replace("{org}", organization))
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN);
            return spec.contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                       .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(form.build()))
                       .exchange();
        }
        if (rule.body() != null) {
            String json = toJson(rule.body()).replace("{org}", organization);
            return spec.header("Content-Type", "application/json").bodyValue(json).exchange();
        }
        return spec.exchange();
    }

    /** A multipart upload of one text file, for the evidence endpoint; {org} is replaced as in JSON bodies. */
    record Upload(String fileName, String text) {
    }

    private static String toJson(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
