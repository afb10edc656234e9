package th.pmqa.studio.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The web app is served by the query service (another origin in the default run) and sends its edits here, so the
 * app's origins ({@code studio.web.origins}, comma-separated; by default the local query service's) may call the
 * API across origins: with a bearer header, never cookies. Behind the reverse proxy of docs/operations.md ("Reverse
 * proxy (nginx)") both services share one origin and this is not used. Spring Security's chain applies it,
 * preflights included, before asking for a token; an origin not listed gets no CORS headers and its preflight a 403.
 */
@Configuration(proxyBeanMethods = false)
class WebAppCors {

    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${studio.web.origins:http://127.0.0.1:${QUERY_PORT:8082},http://localhost:${QUERY_PORT:8082}}")
            String origins) {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(Arrays.stream(origins.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList());
        allowed.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Last-Event-ID", "X-Request-Id"));
        // X-Request-Id: what the web app can show or report when something went wrong (docs/operations.md, "Logs")
        allowed.setExposedHeaders(List.of("Location", "Retry-After", "X-Request-Id"));
        allowed.setAllowCredentials(false);
        allowed.setMaxAge(Duration.ofMinutes(10));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", allowed);
        return source;
    }
}
