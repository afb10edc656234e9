package th.pmqa.studio.infra.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer's keys as the services see them, against a small stand-in issuer whose key set the test changes: a key
 * the issuer deleted is dropped once the set is older than its maximum age, even if no token of a new key came by.
 * {@code KeycloakTokensTest} checks the same with a real Keycloak rotating its keys.
 */
class IssuerKeySetTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger keySetRequests = new AtomicInteger();
    private volatile String served;
    private volatile int status = 200;
    private HttpServer issuer;
    private String issuerUri;

    @BeforeEach
    void start() throws Exception {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerUri = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realms/pmqa";
        issuer.createContext("/realms/pmqa/.well-known/openid-configuration", exchange -> answer(exchange, 200,
                "{\"issuer\":\"" + issuerUri + "\",\"jwks_uri\":\"" + issuerUri + "/certs\"}"));
        issuer.createContext("/realms/pmqa/certs", exchange -> {
            keySetRequests.incrementAndGet();
            answer(exchange, status, served);
        });
        issuer.start();
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private IssuerKeySet keys() {
        return new IssuerKeySet(issuerUri, WebClient.create(), MAX_AGE, Duration.ofSeconds(10), clock);
    }

    private static RSAKey key(String id) throws Exception {
        return new RSAKeyGenerator(2048).keyID(id).generate();
    }

    private void serve(RSAKey... keys) {
        served = new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    private static SignedJWT signedWith(RSAKey key) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                                        new JWTClaimsSet.Builder().subject("u-1").build());
        token.sign(new RSASSASigner(key));
        return token;
    }

    private static List<String> found(IssuerKeySet keys, SignedJWT token) {
        return keys.apply(token).map(JWK::getKeyID).collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void aKeyTheIssuerDeletedIsDroppedOnceTheKeySetIsOlderThanItsMaximumAge() throws Exception {
        RSAKey old = key("old");
        RSAKey rotated = key("new");
        serve(old);
        IssuerKeySet keys = keys();
        assertThat(found(keys, signedWith(old))).containsExactly("old");

        serve(rotated);
        clock.advance(Duration.ofMinutes(4));
        assertThat(found(keys, signedWith(old))).as("within the maximum age").containsExactly("old");
        clock.advance(Duration.ofMinutes(2));
        assertThat(found(keys, signedWith(old))).as("after it, fetched again").isEmpty();
        assertThat(found(keys, signedWith(rotated))).containsExactly("new");
    }

    @Test
    void aTokenOfANewKeyFetchesTheSetAtOnceButMadeUpKeyIdsDoNotMakeEveryRequestAFetch() throws Exception {
        RSAKey old = key("old");
        RSAKey rotated = key("new");
        serve(old);
        IssuerKeySet keys = keys();
        assertThat(found(keys, signedWith(old))).containsExactly("old");

        serve(old, rotated);
        clock.advance(Duration.ofSeconds(11));
        assertThat(found(keys, signedWith(rotated))).containsExactly("new");
        int fetches = keySetRequests.get();
        for (int i = 0; i < 20; i++) {
            assertThat(found(keys, signedWith(key("made-up-" + i)))).isEmpty();
        }
        assertThat(keySetRequests.get()).isEqualTo(fetches);
    }

    @Test
    void whenTheIssuerCannotBeReachedTheLastKeySetIsKept() throws Exception {
        RSAKey current = key("current");
        serve(current);
        IssuerKeySet keys = keys();
        assertThat(found(keys, signedWith(current))).containsExactly("current");

        status = 503;
        clock.advance(Duration.ofMinutes(10));
        assertThat(found(keys, signedWith(current))).containsExactly("current");
        assertThat(keySetRequests.get()).isEqualTo(2);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
