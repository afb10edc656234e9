package th.pmqa.studio.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import javax.crypto.spec.SecretKeySpec;
import java.net.URI;

/**
 * Every API request carries a bearer JWT. With {@code STUDIO_JWT_ISSUER_URI} set, tokens come from that OIDC
 * provider; otherwise from the development key under the data directory (see {@code infra/run.sh token}).
 */
@AutoConfiguration(before = {ReactiveSecurityAutoConfiguration.class,
        org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration.class})
@EnableWebFluxSecurity
public class StudioSecurityAutoConfiguration {

    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** What anyone may read without a token: the criteria catalog and the API's description. */
    private static final String[] PUBLIC_READS = {"/api/catalog", "/api/catalog/**", "/v3/api-docs", "/v3/api-docs.yaml",
                                                  "/v3/api-docs/**"};

    private static final Logger log = LoggerFactory.getLogger(StudioSecurityAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public ReactiveJwtDecoder reactiveJwtDecoder(@Value("${studio.jwt.issuer-uri:${STUDIO_JWT_ISSUER_URI:}}") String issuerUri,
                                                 th.pmqa.studio.infra.access.StudioUsers users,
                                                 @Value("${studio.jwt.development-clock-skew:60s}") java.time.Duration skew,
                                                 @Value("${studio.jwt.clock-skew:60s}") java.time.Duration issuerSkew,
                                                 @Value("${studio.jwt.key-set-max-age:5m}") java.time.Duration keySetMaxAge) {
        if (issuerUri != null && !issuerUri.isBlank()) {
            // the issuer's keys, fetched again every key-set-max-age: a key deleted at the provider stops working
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                    .withJwkSource(new IssuerKeySet(issuerUri,
                            org.springframework.web.reactive.function.client.WebClient.create(), keySetMaxAge,
                            java.time.Duration.ofSeconds(10), java.time.Clock.systemUTC()))
                    .build();
            // the leeway for clocks apart (Spring's default, 60 s) is a setting so that a test against a real
            // provider can see a short-lived token expire without waiting a minute more
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithValidators(
                            new org.springframework.security.oauth2.jwt.JwtTimestampValidator(issuerSkew),
                            new org.springframework.security.oauth2.jwt.JwtIssuerValidator(issuerUri)),
                    new StudioTokenValidator(users)));
            return decoder;
        }
        var dataDir = DevelopmentKey.dataDir();
        log.warn("No STUDIO_JWT_ISSUER_URI: accepting tokens signed with the LOCAL DEVELOPMENT KEY in {} — "
                 + "fine on a laptop, never in production", dataDir.resolve(DevelopmentKey.FILE_NAME));
        byte[] key = DevelopmentKey.loadOrCreate(dataDir);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // the development key's tokens are minted and checked on one machine's clock, so the 60 s allowed for clocks
        // apart can be narrowed (studio.jwt.development-clock-skew): a browser test waits for a token to really expire
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithValidators(new org.springframework.security.oauth2.jwt.JwtTimestampValidator(skew),
                        new org.springframework.security.oauth2.jwt.JwtIssuerValidator(DevelopmentKey.ISSUER)),
                new StudioTokenValidator(users));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /**
     * Where the organization, roles and display name are in a token: {@code studio.security.claims.*}, dotted paths
     * allowed (Keycloak: {@code realm_access.roles}).
     */
    @Bean
    @ConditionalOnMissingBean
    public th.pmqa.studio.infra.access.StudioUsers studioUsers(
            @Value("${studio.security.claims.organization:org}") String organization,
            @Value("${studio.security.claims.roles:roles}") String roles,
            @Value("${studio.security.claims.name:name}") String name) {
        return new th.pmqa.studio.infra.access.StudioUsers(organization, roles, name);
    }

    /**
     * The API's chain, last: a service may add chains of its own for paths with other rules (the query service's web
     * app), so this one stands aside only for a replacement of the same name, not for any other chain.
     */
    @Bean
    @ConditionalOnMissingBean(name = "studioSecurityWebFilterChain")
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    public SecurityWebFilterChain studioSecurityWebFilterChain(ServerHttpSecurity http, ObjectMapper objectMapper,
                                                               th.pmqa.studio.infra.access.StudioUsers users) {
        return http
                // bearer tokens, no cookies: CSRF protection has nothing to protect
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // cross-origin calls only where a service declares a CorsConfigurationSource bean (the command
                // service, for the web app's origins); preflights are answered here, before any token is asked for
                .cors(org.springframework.security.config.Customizer.withDefaults())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                // The HTML report is the one page served: no script at all, its own inline style, never framed.
                // Spring Security adds X-Content-Type-Options: nosniff and X-Frame-Options: DENY by default.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // metrics (/actuator/prometheus) and whatever else is exposed later: operators only
                        .pathMatchers("/actuator", "/actuator/**").access(operatorsOnly(users))
                        // HEAD asks what GET would answer: the same rules
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleAuthorities(users)))
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, objectMapper, HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required (Authorization: Bearer …)." + reason(e)))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, objectMapper, HttpStatus.FORBIDDEN,
                                "This token may not do that.")))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, objectMapper, HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required (Authorization: Bearer …).")))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public AccessProblemHandler studioAccessProblemHandler(ObjectMapper objectMapper) {
        return new AccessProblemHandler(objectMapper);
    }

    /**
     * A token's PMQA roles as Spring authorities ({@code ROLE_ADMIN}, …), so that Spring's own role checks can read
     * them: the health endpoint shows its details (data folder, disk space, projection) to admins only. Every access
     * decision of the API itself is taken by {@link th.pmqa.studio.infra.access.StudioUsers} on the token's claims.
     */
    private static org.springframework.core.convert.converter.Converter<Jwt, Mono<org.springframework.security.authentication.AbstractAuthenticationToken>> roleAuthorities(
            th.pmqa.studio.infra.access.StudioUsers users) {
        var converter = new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> users.rolesOf(jwt).stream()
                .map(role -> (org.springframework.security.core.GrantedAuthority)
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
        return new org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * Decided on the token's claims by the one access table ({@link th.pmqa.studio.infra.access.Action#SEE_METRICS}),
     * like every API request; no token: 401, a token without the role: 403, both as problem details.
     */
    private static org.springframework.security.authorization.ReactiveAuthorizationManager<org.springframework.security.web.server.authorization.AuthorizationContext> operatorsOnly(
            th.pmqa.studio.infra.access.StudioUsers users) {
        return (authentication, context) -> authentication
                .filter(org.springframework.security.core.Authentication::isAuthenticated)
                .map(auth -> auth instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken jwt
                             && th.pmqa.studio.infra.access.Action.SEE_METRICS.allowsSomeOrganization(users.from(jwt.getToken())))
                .onErrorReturn(false)
                .map(org.springframework.security.authorization.AuthorizationDecision::new)
                .defaultIfEmpty(new org.springframework.security.authorization.AuthorizationDecision(false));
    }

    /**
     * Spring Security's firewall refuses paths with an encoded '%', '/', '\\' or '.', '//', ';' or '..' before any
     * filter runs, and by default answers with an empty 400. The refusal stays; it just gets a problem body.
     */
    @Bean
    @ConditionalOnMissingBean
    public ServerExchangeRejectedHandler studioExchangeRejectedHandler(ObjectMapper objectMapper) {
        return (exchange, rejected) -> {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request was refused before reading it: " + rejected.getMessage());
            body.setType(URI.create("https://pmqa-studio.example/problems/rejected-request"));
            body.setTitle("Rejected request");
            body.setProperty("field", "path");
            return th.pmqa.studio.infra.web.ProblemResponses.write(exchange, objectMapper, body);
        };
    }

    /** Why a token was refused, when a validator said so (a claim missing), so the client knows what to fix. */
    private static String reason(org.springframework.security.core.AuthenticationException refused) {
        if (refused instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException invalid
            && invalid.getCause() instanceof org.springframework.security.oauth2.jwt.JwtValidationException validation) {
            StringBuilder reasons = new StringBuilder();
            validation.getErrors().forEach(error -> {
                if (error.getDescription() != null) {
                    reasons.append(' ').append(error.getDescription()).append('.');
                }
            });
            return reasons.toString();
        }
        return "";
    }

    private static Mono<Void> problem(ServerWebExchange exchange, ObjectMapper mapper, HttpStatus status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://pmqa-studio.example/problems/" + (status == HttpStatus.UNAUTHORIZED ? "unauthenticated" : "forbidden")));
        if (status == HttpStatus.UNAUTHORIZED) {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        }
        return th.pmqa.studio.infra.web.ProblemResponses.write(exchange, mapper, body);
    }
}
