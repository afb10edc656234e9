package th.pmqa.studio.infra.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Limits on what a request body may look like, for both services: no scalar of the wrong type turned into text. No request of this API nests deeper than four
 * levels; a body nested hundreds deep is an attack on the parser, refused with 400 before it costs anything.
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
}
