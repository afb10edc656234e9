package th.pmqa.studio.command;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * TEMPORARY, test only: stands in for what the infra module will provide as auto-configuration (the security
 * filter chain with its JWT decoder, and the MongoDB event storage engine). Delete this class, and its
 * {@code @Import}s, once infra ships them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TemporaryTestInfrastructure {

    /** The one bearer token the dummy decoder accepts, for tests that go over a real socket. */
    public static final String TEST_TOKEN = "test-token-u-1";
    public static final String TEST_SUBJECT = "u-1";
    public static final String TEST_NAME = "สมศรี ใจดี";

    @Bean
    SecurityWebFilterChain temporaryTestSecurity(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    ReactiveJwtDecoder temporaryTestJwtDecoder() {
        return token -> TEST_TOKEN.equals(token)
                ? Mono.just(Jwt.withTokenValue(token).header("alg", "none").subject(TEST_SUBJECT)
                .claim("name", TEST_NAME).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build())
                : Mono.error(new BadJwtException("the temporary test decoder accepts only " + TEST_TOKEN));
    }

    @Bean
    EventStorageEngine temporaryTestEventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }
}
