package th.pmqa.studio.query.access;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import th.pmqa.studio.infra.testing.AccessMatrix;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.PathVariants;

import java.time.Duration;
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
 * Every endpoint of the query service (streams, history, time travel, change feed and exports included) × every role
 * × own or another organization × with or without a token, from one table. An endpoint missing from the table fails
 * {@link #everyEndpointHasARule()}.
 */
@th.pmqa.studio.infra.testing.ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class QueryAccessMatrixTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("access")));
    }

    /**
     * {@code allowed}: role → {@code own} (their organization's assessments only), {@code any}, or {@code list}
     * (allowed; a list or stream that shows only what the role may see). {@code anonymous}: no token needed.
     */
    record Rule(HttpMethod method, String pattern, String path, Map<String, String> allowed, boolean anonymous,
                String jsonBody) {

        Rule(HttpMethod method, String pattern, String path, Map<String, String> allowed, boolean anonymous) {
            this(method, pattern, path, allowed, anonymous, null);
        }
    }

    private static final Map<String, String> READERS = Map.of("EDITOR", "own", "LEAD", "own", "FACILITATOR", "any",
                                                              "ADMIN", "any");
    private static final Map<String, String> LISTERS = Map.of("EDITOR", "list", "LEAD", "list", "FACILITATOR", "list",
                                                              "ADMIN", "list");
    private static final Map<String, String> EVERYONE = Map.of("EDITOR", "any", "LEAD", "any", "FACILITATOR", "any",
                                                               "ADMIN", "any", "NONE", "any");

    static final List<Rule> TABLE = List.of(
            new Rule(HttpMethod.GET, "/api/catalog", "/api/catalog", EVERYONE, true),
            new Rule(HttpMethod.GET, "/api/assessments", "/api/assessments", LISTERS, false),
            new Rule(HttpMethod.GET, "/api/dashboard/stream", "/api/dashboard/stream", LISTERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/report", "/api/assessments/{org}-2567/report", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/report.html", "/api/assessments/{org}-2567/report.html", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/report/diff",
                     "/api/assessments/{org}-2567/report/diff?from=0&to=1", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/criteria/{criterionId}/history",
                     "/api/assessments/{org}-2567/criteria/1.1/history", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/profile/{item}/history",
                     "/api/assessments/{org}-2567/profile/1/history", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/criteria/{criterionId}/links/suggested",
                     "/api/assessments/{org}-2567/criteria/1.1/links/suggested", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/changes", "/api/assessments/{org}-2567/changes", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/labels", "/api/assessments/{org}-2567/labels", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/changes/stream", "/api/assessments/{org}-2567/changes/stream",
                     READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/stream", "/api/assessments/{org}-2567/stream", READERS, false),
            // saying one is viewing: anyone who may read; saying one is editing is PresenceEndToEndTest's
            new Rule(HttpMethod.PUT, "/api/assessments/{id}/presence", "/api/assessments/{org}-2567/presence", READERS,
                     false, "{\"section\":\"criteria/1.1\",\"activity\":\"viewing\",\"clientId\":\"tab-1\"}"),
            new Rule(HttpMethod.DELETE, "/api/assessments/{id}/presence", "/api/assessments/{org}-2567/presence?clientId=tab-1",
                     READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/presence", "/api/assessments/{org}-2567/presence", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/presence/stream", "/api/assessments/{org}-2567/presence/stream",
                     READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/comments", "/api/assessments/{org}-2567/comments", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/comments/stream", "/api/assessments/{org}-2567/comments/stream",
                     READERS, false),
            new Rule(HttpMethod.GET, "/api/admin/projections", "/api/admin/projections",
                     Map.of("FACILITATOR", "any", "ADMIN", "any"), false),
            new Rule(HttpMethod.POST, "/api/admin/projections/rebuild", "/api/admin/projections/rebuild",
                     Map.of("ADMIN", "any"), false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/profile/questions/{question}/history",
                     "/api/assessments/{org}-2567/profile/questions/6/history", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/evidence", "/api/assessments/{org}-2567/evidence", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/evidence/{evidenceId}",
                     "/api/assessments/{org}-2567/evidence/0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a21", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/export.docx", "/api/assessments/{org}-2567/export.docx", READERS, false),
            new Rule(HttpMethod.GET, "/api/assessments/{id}/export.pdf", "/api/assessments/{org}-2567/export.pdf", READERS, false),
            new Rule(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs", EVERYONE, true),
            new Rule(HttpMethod.GET, "/v3/api-docs.yaml", "/v3/api-docs.yaml", EVERYONE, true),
            // the web app's settings and its development sign-in: read before anyone has a token
            new Rule(HttpMethod.GET, "/api/web/config", "/api/web/config", EVERYONE, true),
            new Rule(HttpMethod.POST, "/api/dev/tokens", "/api/dev/tokens", EVERYONE, true,
                     "{\"userId\":\"u-1\",\"name\":\"ผู้ทดสอบ\",\"organization\":\"OWN\",\"role\":\"LEAD\"}"));

    /**
     * The web app's deep links (router functions, so not among the handler mappings {@link #everyEndpointHasARule()}
     * compares with): the shell for everyone, with or without a token; it holds no data.
     */
    static final List<Rule> SHELL = List.of(
            new Rule(HttpMethod.GET, "/app/sign-in", "/app/sign-in", EVERYONE, true),
            new Rule(HttpMethod.GET, "/app/assessments/{id}", "/app/assessments/{org}-2567", EVERYONE, true),
            new Rule(HttpMethod.GET, "/app/assessments/{id}/criteria/{criterionId}",
                     "/app/assessments/{org}-2567/criteria/1.1", EVERYONE, true),
            new Rule(HttpMethod.GET, "/app/assessments/{id}/report", "/app/assessments/{org}-2567/report", EVERYONE, true),
            new Rule(HttpMethod.GET, "/app/assessments/{id}/history", "/app/assessments/{org}-2567/history", EVERYONE, true),
            new Rule(HttpMethod.GET, "/app/dashboard", "/app/dashboard", EVERYONE, true));

    /** Actuator endpoints behind a token (not among the handler mappings either): the operators' metrics. */
    static final List<Rule> ACTUATOR = List.of(
            new Rule(HttpMethod.GET, "/actuator/prometheus", "/actuator/prometheus", Map.of("ADMIN", "any"), false));

    private static List<Rule> everyRule() {
        List<Rule> rules = new ArrayList<>(TABLE);
        rules.addAll(SHELL);
        rules.addAll(ACTUATOR);
        return rules;
    }

    static final List<String> ROLES = List.of("EDITOR", "LEAD", "FACILITATOR", "ADMIN", "NONE");

    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARule() {
        Set<String> endpoints = AccessMatrix.endpoints(mappings);
        Set<String> ruled = TABLE.stream().map(r -> r.method() + " " + r.pattern()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(endpoints).isEqualTo(ruled);
    }

    @TestFactory
    List<DynamicTest> everyEndpointAnswersEveryRoleForOwnAndOtherOrganizationsAsTheTableSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : everyRule()) {
            String name = rule.method() + " " + rule.pattern();
            tests.add(DynamicTest.dynamicTest(name + " without a token: " + (rule.anonymous() ? "allowed" : "401"), () -> {
                WebTestClient anonymous = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                                                       .configureClient().responseTimeout(Duration.ofSeconds(20)).build();
                int status = status(anonymous, rule, "OWN");
                if (rule.anonymous()) {
                    assertThat(status).isNotIn(401, 403);
                } else {
                    assertThat(status).isEqualTo(401);
                }
            }));
            for (String role : ROLES) {
                for (String target : List.of("own", "other")) {
                    String scope = rule.allowed().get(role);
                    boolean allowed = AccessMatrix.allows(scope, target.equals("own"));
                    tests.add(DynamicTest.dynamicTest(name + " as " + role + " of " + target + " organization: "
                                                      + (allowed ? "allowed" : "403"), () -> {
                        WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                                .configureClient().responseTimeout(Duration.ofSeconds(20)).build()
                                .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-" + role).claim("name", "ผู้ทดสอบ")
                                        .claim("org", "OWN").claim("roles", role.equals("NONE") ? List.of() : List.of(role))));
                        int status = status(client, rule, target.equals("own") ? "OWN" : "OTH");
                        if (allowed) {
                            assertThat(status).isNotIn(401, 403);
                        } else {
                            assertThat(status).isEqualTo(403);
                        }
                    }));
                }
            }
        }
        return tests;
    }

    /**
     * Access must not depend on how a path is spelled: every variant of every endpoint's path (escaped letters in
     * fixed and variable segments, encoded slashes and dots, doubled and trailing slashes, matrix parameters) and HEAD
     * for GET is answered as the plain path is for the same token, or refused outright. Each spelling is asked by one
     * token of each decision the plain path has (no token; allowed; refused for another organization; refused for the
     * role), the roles taking turns across an endpoint's spellings ({@link AccessMatrix#askersOfSpelling}); every
     * role × both organizations asks the plain path above.
     */
    @TestFactory
    List<DynamicTest> everySpellingOfEveryPathIsAnsweredAsThePlainPathOrRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : everyRule()) {
            List<PathVariants.Variant> described = variants(rule, "OWN");
            for (int v = 0; v < described.size(); v++) {
                int index = v;
                PathVariants.Variant spelling = described.get(index);
                List<AccessMatrix.Asker> askers = AccessMatrix.askersOfSpelling(rule.allowed(), ROLES, index);
                tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + ", " + spelling.kind() + ": "
                                                  + spelling.expect(), () -> {
                    List<String> wrong = new ArrayList<>();
                    for (AccessMatrix.Asker asker : askers) {
                        String role = asker.role();
                        String organization = asker.own() ? "OWN" : "OTH";
                        PathVariants.Variant variant = variants(rule, organization).get(index);
                        WebTestClient client = client(role);
                        int plain = plainStatus.computeIfAbsent(rule.method() + " " + rule.path() + " " + role + " " + organization,
                                k -> status(client, rule.method(), rule.path(), rule, organization));
                        HttpMethod method = variant.kind().equals("HEAD") ? HttpMethod.HEAD : rule.method();
                        int answer = status(client, method, variant.path(), rule, organization);
                        if (!variant.accepts(answer, plain, !asker.anonymous())) {
                            wrong.add(role + " on " + organization + ": " + method + " " + variant.path()
                                      + " answered " + answer + ", the plain path " + plain);
                        }
                    }
                    assertThat(wrong).isEmpty();
                }));
            }
        }
        return tests;
    }

    /** The spellings of a rule's path for one organization, HEAD included for a GET. */
    private static List<PathVariants.Variant> variants(Rule rule, String organization) {
        String path = rule.path().replace("{org}", organization);
        List<PathVariants.Variant> variants = new ArrayList<>(PathVariants.of(path));
        if (rule.method() == HttpMethod.GET) {
            variants.add(new PathVariants.Variant("HEAD", path, PathVariants.Expect.SAME));
        }
        return variants;
    }

    /** The plain path's answer per endpoint, role and organization: asked once, compared with every spelling. */
    private final Map<String, Integer> plainStatus = new java.util.concurrent.ConcurrentHashMap<>();

    private WebTestClient client(String role) {
        WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                                            .configureClient().responseTimeout(Duration.ofSeconds(20)).build();
        return role.equals(AccessMatrix.ANONYMOUS) ? client
                : client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-" + role).claim("name", "ผู้ทดสอบ")
                        .claim("org", "OWN").claim("roles", role.equals("NONE") ? List.of() : List.of(role))));
    }

    /** The status only: streams never end, so their bodies are not read. */
    private static int status(WebTestClient client, Rule rule, String organization) {
        return status(client, rule.method(), rule.path(), rule, organization);
    }

    /** The path is sent exactly as written: no encoding is added or taken away on the way. */
    private static int status(WebTestClient client, HttpMethod method, String path, Rule rule, String organization) {
        WebTestClient.RequestBodySpec spec = client.method(method).uri(java.net.URI.create(path.replace("{org}", organization)));
        WebTestClient.RequestHeadersSpec<?> request = rule.jsonBody() == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(rule.jsonBody());
        FluxExchangeResult<String> result = request.accept(MediaType.ALL).exchange().returnResult(String.class);
        int status = result.getStatus().value();
        result.getResponseBody().take(Duration.ofMillis(1)).blockLast(Duration.ofSeconds(5));
        return status;
    }
}
