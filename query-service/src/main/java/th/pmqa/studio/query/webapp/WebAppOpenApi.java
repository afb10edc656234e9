package th.pmqa.studio.query.webapp;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/** The web app's settings and its development sign-in need no token: the API's description says so. */
@Configuration(proxyBeanMethods = false)
class WebAppOpenApi {

    static final Set<String> PUBLIC = Set.of("/api/web/config", "/api/dev/tokens");

    @Bean
    OpenApiCustomizer webAppPublicOperations() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (PUBLIC.contains(path)) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        });
    }
}
