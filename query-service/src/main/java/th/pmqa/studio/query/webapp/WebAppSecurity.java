package th.pmqa.studio.query.webapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import th.pmqa.studio.infra.security.StudioSecurityAutoConfiguration;

/**
 * The paths anyone may fetch without a token, each with the Content-Security-Policy it needs, ahead of the API's
 * chain (which requires a bearer token for everything else):
 * <ul>
 *   <li>the app shell and its libraries ({@code /app/**}, {@code /webjars/**}): static files holding no data, under
 *       the app's own policy (see {@link WebClientSettings#contentSecurityPolicy()});</li>
 *   <li>the app's settings and the development sign-in ({@code /api/web/config}, {@code /api/dev/tokens}): API
 *       answers, under the API's strict policy.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebAppSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain webAppFiles(ServerHttpSecurity http, WebClientSettings settings) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/app", "/app/**", "/webjars/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(settings.contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(ex -> ex.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain webAppSignIn(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/web/config", "/api/dev/tokens"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(StudioSecurityAutoConfiguration.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(ex -> ex.anyExchange().permitAll())
                .build();
    }
}
