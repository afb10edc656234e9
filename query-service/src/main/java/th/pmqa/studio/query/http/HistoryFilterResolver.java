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

import static th.pmqa.studio.query.http.ReportPointResolver.value;

/**
 * Binds {@link HistoryFilter} from the query string only, never from a body, as {@link ReportPointResolver} binds
 * {@link ReportPoint}: values as {@code @RequestParam String} takes them (absent is null, a repeated parameter is its
 * values joined by commas).
 */
@Configuration
public class HistoryFilterResolver implements HandlerMethodArgumentResolver, WebFluxConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == HistoryFilter.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return Mono.just(new HistoryFilter(value(query, "page"), value(query, "size"), value(query, "author"),
                                           value(query, "from"), value(query, "to")));
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(this);
    }
}
