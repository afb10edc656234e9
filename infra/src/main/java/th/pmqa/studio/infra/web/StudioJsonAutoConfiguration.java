package th.pmqa.studio.infra.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Limits on what a request body may look like, for both services: no scalar of the wrong type turned into text. No
 * request of this API nests deeper than four levels; a body nested hundreds deep is an attack on the parser, refused
 * with 400 before it costs anything. Request bodies are decoded by {@link StrictJsonDecoder}: strict UTF-8, one JSON
 * value, each key once, numbers of at most {@code studio.json.max-number-length} characters, no coercion between
 * text, numbers and booleans (see {@link StrictJson}).
 */
@AutoConfiguration
public class StudioJsonAutoConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer studioJsonLimits(
            @Value("${studio.json.max-nesting-depth:32}") int maxNestingDepth) {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.getFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build());
            // 42 where text belongs is a client's mistake to report, not a text to store as "42"
            mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                  .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                               com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                  .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                               com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                  .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                               com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        });
    }

    /**
     * 32 characters: an indicator value has at most 15 digits before the point and 6 after (the aggregate checks
     * that); with a sign, exponent or trailing zeros a client may write it longer, but not by much.
     */
    @Bean
    @ConditionalOnMissingBean
    public StrictJson studioStrictJson(ObjectMapper mapper,
                                       @Value("${studio.json.max-number-length:32}") int maxNumberLength,
                                       @Value("${studio.json.max-nesting-depth:32}") int maxNestingDepth) {
        return new StrictJson(mapper, maxNumberLength, maxNestingDepth);
    }

    /** After Spring Boot's own Jackson codec customizer, whose decoder this one replaces. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public CodecCustomizer studioStrictJsonCodec(StrictJson strict) {
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new StrictJsonDecoder(strict));
    }
}
