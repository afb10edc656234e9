package th.pmqa.studio.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The per-person write limit ({@link WriteRateLimit}) on every reactive web service of the studio. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class StudioRateLimitAutoConfiguration {

    @Bean
    public WriteRateLimit writeRateLimit(@Value("${studio.rate-limit.writes-per-minute:600}") long perMinute,
                                         ObjectMapper json,
                                         org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meterRegistry) {
        return new WriteRateLimit(perMinute, json,
                meterRegistry.getIfAvailable(io.micrometer.core.instrument.composite.CompositeMeterRegistry::new));
    }
}
