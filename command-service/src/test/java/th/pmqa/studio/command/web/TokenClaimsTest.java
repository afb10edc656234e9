package th.pmqa.studio.command.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed tokens through the service's own decoder: a token must name its holder ({@code sub}), expire ({@code exp}),
 * and carry an organization ({@code org}) when a role is scoped to one (EDITOR, LEAD). Others are refused with a 401
 * problem before anything is read or stored.
 */
@th.pmqa.studio.infra.testing.ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenClaimsTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("tokens")));
    }

    private static final String DRAFT = "/api/assessments/TOK-2567/criteria/1.1/levels/basic/approach";

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoEventStorageEngine events;

    /** A development token with every claim the studio reads, changed by {@code change}. */
    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(DevelopmentKey.ISSUER).subject("u-tok").claim("name", "ผู้ทดสอบ").claim("org", "TOK")
                .claim("roles", List.of("LEAD")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
            jwt.sign(new MACSigner(DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir())));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient with(String token) {
        return WebTestClient.bindToApplicationContext(context).apply(
                        org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity())
                .configureClient().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @BeforeAll
    void openOneAssessment() {
        with(token(c -> c)).post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationCode", "TOK", "organizationName", "จังหวัด", "organizationType", "PROVINCE",
                                  "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aTokenWithEveryClaimMayWrite() {
        with(token(c -> c.claim("roles", List.of("EDITOR")))).put().uri(DRAFT.replace("1.1", "2.1")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"ก\",\"baseRevision\":0}").exchange().expectStatus().isOk();
    }

    @TestFactory
    List<DynamicTest> aTokenMissingAClaimTheStudioReliesOnIsRefusedWith401AndChangesNothing() {
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> tokens = new LinkedHashMap<>();
        tokens.put("no sub", c -> c.subject(null));
        tokens.put("a blank sub", c -> c.subject(" "));
        tokens.put("no exp", c -> c.expirationTime(null));
        tokens.put("an editor without org", c -> c.claim("roles", List.of("EDITOR")).claim("org", null));
        tokens.put("a lead with a blank org", c -> c.claim("org", ""));
        return tokens.entrySet().stream().map(t -> DynamicTest.dynamicTest(t.getKey() + " → 401", () -> {
            long before = events.headPosition();
            with(token(t.getValue())).put().uri(DRAFT).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"text\":\"ข\",\"baseRevision\":0}")
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
    void aFacilitatorNeedsNoOrganization() {
        with(token(c -> c.claim("roles", List.of("FACILITATOR")).claim("org", null)))
                .put().uri("/api/assessments/TOK-2567/submission-window").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("opensAt", "2026-12-01T00:00:00Z", "closesAt", "2027-01-31T17:00:00Z"))
                .exchange().expectStatus().isOk();
    }
}
