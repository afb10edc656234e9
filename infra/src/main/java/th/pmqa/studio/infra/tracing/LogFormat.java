package th.pmqa.studio.infra.tracing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code STUDIO_LOG_FORMAT=json} (or {@code studio.log.format=json}) switches the console to JSON lines, one object
 * per line in Elastic Common Schema: Spring Boot's structured logging, {@code logging.structured.format.console=ecs}.
 * {@code ecs}, {@code logstash} and {@code gelf} choose that format directly. Set before logging starts (an
 * environment post-processor runs before Spring Boot's logging listener); an explicit
 * {@code logging.structured.format.console} wins.
 */
public final class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "studio.log.format";
    static final String STRUCTURED = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY);
        if (format == null || format.isBlank() || environment.containsProperty(STRUCTURED)) {
            return;
        }
        String structured = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            case "text", "plain" -> null;
            default -> throw new IllegalArgumentException(
                    "STUDIO_LOG_FORMAT / studio.log.format must be json, ecs, logstash, gelf or text, not '" + format + "'");
        };
        if (structured != null) {
            environment.getPropertySources().addLast(new MapPropertySource("studioLogFormat", Map.of(STRUCTURED, structured)));
        }
    }
}
