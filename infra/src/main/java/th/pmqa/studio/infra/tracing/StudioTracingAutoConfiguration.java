package th.pmqa.studio.infra.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import th.pmqa.studio.infra.access.StudioUsers;

/** Request ids and the access log, for both services (see {@link AccessLog}, docs/operations.md). */
@AutoConfiguration
public class StudioTracingAutoConfiguration {

    @Bean
    public AccessLog studioAccessLog() {
        return new AccessLog();
    }

    @Bean
    public RequestTraceFilter studioRequestTraceFilter(StudioUsers users) {
        return new RequestTraceFilter(users);
    }

    /** After Spring Boot's own Jackson codec customizer, whose encoder this one replaces (with the same mapper). */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public CodecCustomizer studioProblemRequestIdCodec(ObjectMapper mapper) {
        return configurer -> configurer.defaultCodecs().jackson2JsonEncoder(new ProblemRequestIdEncoder(mapper));
    }
}
