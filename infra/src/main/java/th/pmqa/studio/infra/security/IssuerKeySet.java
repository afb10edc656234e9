package th.pmqa.studio.infra.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The issuer's signing keys, as its discovery document's {@code jwks_uri} lists them, fetched again when older than
 * {@code maxAge} and when a token names a key not in the set (at most once per {@code minInterval}, so tokens with
 * made-up key ids cannot make every request a call to the provider).
 * <p>
 * Spring's own remote key source keeps a key set until a token names an unknown key: measured against Keycloak, a
 * service that never saw a token of the new key went on accepting tokens of a key the realm had deleted. Here a
 * deleted key is dropped within {@code maxAge}. When the provider cannot be reached, the last set fetched is kept
 * (an outage of the provider does not sign everybody out).
 */
final class IssuerKeySet implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeySet.class);

    private record Fetched(JWKSet keys, Instant at) {
    }

    private final String issuer;
    private final WebClient web;
    private final Duration maxAge;
    private final Duration minInterval;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Fetched last;
    private volatile String jwksUri;

    IssuerKeySet(String issuer, WebClient web, Duration maxAge, Duration minInterval, Clock clock) {
        this.issuer = issuer;
        this.web = web;
        this.maxAge = maxAge;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        return current().flatMapMany(fetched -> {
            List<JWK> found = selector.select(fetched.keys());
            if (!found.isEmpty() || clock.instant().isBefore(fetched.at().plus(minInterval))) {
                return Flux.fromIterable(found);
            }
            return fetch().onErrorResume(e -> Mono.just(fetched)).flatMapIterable(again -> selector.select(again.keys()));
        });
    }

    private Mono<Fetched> current() {
        Fetched known = last;
        if (known == null) {
            return fetch();
        }
        if (clock.instant().isBefore(known.at().plus(maxAge))) {
            return Mono.just(known);
        }
        return fetch().onErrorResume(e -> {
            log.warn("Could not fetch the signing keys of {} again ({}); keeping the set fetched at {}", issuer,
                     e.toString(), known.at());
            return Mono.just(known);
        });
    }

    private Mono<Fetched> fetch() {
        return keySetUri()
                .flatMap(uri -> web.get().uri(uri).retrieve().bodyToMono(String.class))
                .map(body -> {
                    try {
                        Fetched fetched = new Fetched(JWKSet.parse(body), clock.instant());
                        last = fetched;
                        return fetched;
                    } catch (java.text.ParseException e) {
                        throw new IllegalStateException("The key set of " + issuer + " is not a JWK set", e);
                    }
                });
    }

    private Mono<String> keySetUri() {
        if (jwksUri != null) {
            return Mono.just(jwksUri);
        }
        String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return web.get().uri(trimmed + "/.well-known/openid-configuration").retrieve().bodyToMono(String.class)
                  .map(body -> {
                      try {
                          JsonNode discovery = json.readTree(body);
                          // as Spring checks with withIssuerLocation: the document must be the issuer's own
                          if (!issuer.equals(discovery.path("issuer").asText())) {
                              throw new IllegalStateException("The discovery document of " + issuer + " names issuer "
                                                              + discovery.path("issuer").asText());
                          }
                          jwksUri = discovery.path("jwks_uri").asText();
                          return jwksUri;
                      } catch (java.io.IOException e) {
                          throw new IllegalStateException("The discovery document of " + issuer + " is not JSON", e);
                      }
                  });
    }
}
