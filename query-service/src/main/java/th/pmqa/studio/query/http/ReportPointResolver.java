package th.pmqa.studio.query.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Binds {@link ReportPoint} from the query string only, never from a body: a record bound as a form object would make
 * a GET with a form or multipart Content-Type read its body (a 500 the fuzzer once found). Values are taken as
 * {@code @RequestParam String} takes them: absent is null, a repeated parameter is its values joined by commas.
 */
@Configuration
public class ReportPointResolver implements HandlerMethodArgumentResolver, WebFluxConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReportPoint.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return Mono.just(new ReportPoint(value(query, "asOf"), value(query, "position"), value(query, "label")));
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(this);
    }

    /** A query parameter's value as {@code @RequestParam String} takes it (also {@link HistoryFilterResolver}'s). */
    static String value(MultiValueMap<String, String> query, String name) {
        List<String> values = query.get(name);
        return values == null ? null : String.join(",", values);
    }
}
