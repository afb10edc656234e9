package th.pmqa.studio.query.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.ServerIndependent;
import th.pmqa.studio.query.web.browser.BrowserStack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services against a real Keycloak ({@code infra/keycloak.sh}, realm {@code pmqa}) with the settings the README
 * gives: {@code STUDIO_JWT_ISSUER_URI} the realm's URL and {@code studio.security.claims.roles=realm_access.roles}.
 * Tokens come from Keycloak's password grant of the realm's test client; what the services accept and refuse is
 * what production sign-in will meet.
 */
@Tag("keycloak")
@ServerIndependent
class KeycloakTokensTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(2566);
    private static KeycloakServer keycloak;
    private static BrowserStack stack;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.get();
        // no leeway for clocks apart: one machine's clock, and the expiry test waits seconds, not a minute more
        stack = BrowserStack.start("keycloak_api", settings(keycloak));
    }

    /** The settings of both services for this Keycloak, as the README's Identity section gives them. */
    static String[] settings(KeycloakServer keycloak) {
        return new String[] {"--studio.jwt.issuer-uri=" + keycloak.issuer(),
                             "--studio.security.claims.roles=realm_access.roles", "--studio.jwt.clock-skew=0s",
                             "--studio.jwt.key-set-max-age=2s"};
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static WebTestClient commands(String token) {
        return stack.commands(token);
    }

    private static WebTestClient queries(String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort())
                            .responseTimeout(Duration.ofSeconds(30))
                            .defaultHeader("Authorization", "Bearer " + token).build();
    }

    /** An assessment of {@code code} for a fiscal year of its own (one per organization and year). */
    private static String opened(String leadToken, String code) {
        JsonNode answer = commands(leadToken).post().uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                  "organizationType", "PROVINCE", "fiscalYear", YEARS.incrementAndGet(),
                                  "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.get("assessmentId").asText();
    }

    private static JsonNode refusedBy(WebTestClient client, String path, int status) {
        return client.get().uri(path).exchange().expectStatus().isEqualTo(status)
                     .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                     .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aKeycloakUsersTextIsRecordedWithTheirKeycloakIdAndName() {
        String lead = keycloak.token("lead-kkn");
        String editor = keycloak.token("editor-kkn");
        String id = opened(lead, "KKN");
        commands(editor).put().uri("/api/assessments/" + id + "/criteria/1.1/levels/basic/deploy")
                .bodyValue(Map.of("text", "ทุกหน่วยงานนำแผนไปใช้", "baseRevision", 0))
                .exchange().expectStatus().isOk();

        String editorId = KeycloakServer.claims(editor).get("sub").asText();
        JsonNode[] history = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            // 404 until the query service has the assessment
            var answer = queries(lead).get().uri("/api/assessments/" + id + "/criteria/1.1/history").exchange()
                    .expectBody(JsonNode.class).returnResult();
            history[0] = answer.getResponseBody();
            return answer.getStatus().value() == 200 && history[0].get("items").size() == 1;
        });
        JsonNode author = history[0].get("items").get(0).get("author");
        assertThat(author.get("userId").asText()).isEqualTo(editorId).doesNotContain("editor-kkn");
        assertThat(author.get("name").asText()).isEqualTo("ประเสริฐ มั่นคง");
    }

    @Test
    void realmRolesAndTheOrgAttributeDecideWhatEachUserMay() {
        String id = opened(keycloak.token("lead-kkn"), "KKN");
        // a facilitator (organization OPDC) reads every organization's assessment (404 until it is projected)
        String facilitator = keycloak.token("facilitator");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> queries(facilitator).get()
                .uri("/api/assessments/" + id + "/report").exchange().returnResult(String.class).getStatus().value() == 200);
        // a lead of another organization: 403, naming the role and the organization
        JsonNode foreign = refusedBy(queries(keycloak.token("lead-sld")), "/api/assessments/" + id + "/report", 403);
        assertThat(foreign.get("detail").asText()).contains("LEAD").contains("KKN");
        // an editor may not open an assessment, even for their own organization (leads do)
        commands(keycloak.token("editor-kkn")).post().uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", "KKN", "organizationName", "ขอนแก่น", "organizationType", "PROVINCE",
                                  "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isForbidden();
        // the projection's status: facilitators and admins, not editors
        queries(keycloak.token("admin")).get().uri("/api/admin/projections").exchange().expectStatus().isOk();
        refusedBy(queries(keycloak.token("editor-sld")), "/api/admin/projections", 403);
    }

    @Test
    void aTokenWithoutTheOrgClaimIsRefusedNamingTheClaim() {
        String token = keycloak.token("editor-without-org");
        assertThat(KeycloakServer.claims(token).has("org")).isFalse();
        assertThat(KeycloakServer.claims(token).get("realm_access").get("roles").toString()).contains("EDITOR");
        JsonNode problem = refusedBy(queries(token), "/api/assessments", 401);
        assertThat(problem.get("detail").asText()).contains("'org'");
    }

    @Test
    void aTokenOfAnotherRealmOfTheSameKeycloakIsRefused() {
        ObjectNode other = KeycloakServer.realmFile();
        other.put("realm", "pmqa-other");
        keycloak.admin("POST", "/realms", other);
        try {
            String token = keycloak.token("pmqa-other", KeycloakServer.TEST_CLIENT, KeycloakServer.TEST_CLIENT_SECRET,
                                          "lead-kkn");
            // the same user name, organization and role: only the realm differs
            assertThat(KeycloakServer.claims(token).get("org").asText()).isEqualTo("KKN");
            refusedBy(queries(token), "/api/assessments", 401);
            commands(token).post().uri("/api/assessments")
                    .bodyValue(Map.of("organizationCode", "KKN", "organizationName", "ขอนแก่น", "organizationType",
                                      "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                    .exchange().expectStatus().isUnauthorized();
        } finally {
            keycloak.admin("DELETE", "/realms/pmqa-other", null);
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        // a client of its own whose access tokens live 5 s (the realm's other clients keep 5 minutes)
        ObjectNode client = (ObjectNode) KeycloakServer.realmFile().get("clients").get(1).deepCopy();
        client.put("clientId", "pmqa-short-lived");
        client.putObject("attributes").put("access.token.lifespan", "5");
        keycloak.admin("POST", "/realms/pmqa/clients", client);
        String token = keycloak.token("pmqa", "pmqa-short-lived", KeycloakServer.TEST_CLIENT_SECRET, "lead-kkn");
        long expiresAt = KeycloakServer.claims(token).get("exp").asLong();
        assertThat(expiresAt - KeycloakServer.claims(token).get("iat").asLong()).isEqualTo(5);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> queries(token).get().uri("/api/assessments").exchange().returnResult(String.class)
                                    .getStatus().value() == 401);
        assertThat(System.currentTimeMillis() / 1000).isGreaterThanOrEqualTo(expiresAt);
        assertThat(refusedBy(queries(token), "/api/assessments", 401).get("detail").asText()).contains("expired");
    }

    @Test
    void aTokenSignedWithAKeyRotatedAwayIsRefused() {
        String before = keycloak.token("lead-kkn");
        queries(before).get().uri("/api/assessments").exchange().expectStatus().isOk();

        // rotation as an operator does it: a new RSA key of higher priority, then the old one deleted
        String realmId = keycloak.admin("GET", "/realms/pmqa", null).get("id").asText();
        JsonNode providers = keycloak.admin("GET", "/realms/pmqa/components?type=org.keycloak.keys.KeyProvider", null);
        keycloak.admin("POST", "/realms/pmqa/components", Map.of(
                "name", "rsa-rotated-" + System.nanoTime(), "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of(String.valueOf(1000 + System.nanoTime() % 1000)))));
        for (JsonNode provider : providers) {
            if (provider.get("providerId").asText().equals("rsa-generated")) {
                keycloak.admin("DELETE", "/realms/pmqa/components/" + provider.get("id").asText(), null);
            }
        }

        String after = keycloak.token("lead-kkn");
        assertThat(header(after, "kid")).isNotEqualTo(header(before, "kid"));
        // the query service meets a token of the new key first: it fetches the key set for an unknown key, at most
        // every 10 s (a flood of made-up key ids must not become a flood of fetches), so another test's unknown key
        // just before may delay it by that much
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> queries(after).get()
                .uri("/api/assessments").exchange().returnResult(String.class).getStatus().value() == 200);
        refusedBy(queries(before), "/api/assessments", 401);
        // the command service sees only the old token: it must still drop the deleted key, when its set is older
        // than studio.jwt.key-set-max-age (2 s here); Spring's own key source kept it and accepted the token
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> commands(before).post()
                .uri("/api/assessments").bodyValue(Map.of("organizationCode", "KKN", "organizationName", "ขอนแก่น",
                        "organizationType", "PROVINCE", "fiscalYear", YEARS.incrementAndGet(),
                        "catalogVersion", "pmqa-4.0/2567"))
                .exchange().returnResult(String.class).getStatus().value() == 401);
        opened(after, "KKN");
    }

    @Test
    void theDevelopmentSignInDoesNotExistAndTheAppIsToldTheRealm() {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort()).build();
        anonymous.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue("{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"ADMIN\"}")
                 .exchange().expectStatus().isNotFound();
        JsonNode config = anonymous.get().uri("/api/web/config").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(config.get("authMode").asText()).isEqualTo("oidc");
        assertThat(config.get("issuer").asText()).isEqualTo(keycloak.issuer());
        assertThat(config.get("clientId").asText()).isEqualTo("pmqa-studio-web");
        // and a token signed with the development key is refused
        refusedBy(queries(BrowserStack.token("lead-kkn", "สมศรี ใจดี", "KKN", "LEAD")), "/api/assessments", 401);
    }

    private static String header(String token, String name) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0])).get(name).asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
