package th.pmqa.studio.infra.tracing;

import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import th.pmqa.studio.infra.access.StudioUsers;

/**
 * Right after Spring Security (whose filter chain has order -100): puts the request id into the exchange's
 * attributes for handlers, and tells the access line who is signed in, from the token the security chain accepted.
 */
public final class RequestTraceFilter implements WebFilter, Ordered {

    public static final int ORDER = -99;

    private final StudioUsers users;

    public RequestTraceFilter(StudioUsers users) {
        this.users = users;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, RequestIds.of(exchange));
        return Mono.deferContextual(context -> {
            RequestTrace trace = context.getOrDefault(RequestTrace.class, null);
            if (trace == null) {
                return chain.filter(exchange);
            }
            return exchange.getPrincipal()
                           .doOnNext(principal -> {
                               if (principal instanceof JwtAuthenticationToken jwt) {
                                   trace.signedIn(jwt.getToken().getSubject(), organization(jwt));
                               }
                           })
                           .onErrorResume(e -> Mono.empty())
                           .then(chain.filter(exchange));
        });
    }

    private String organization(JwtAuthenticationToken jwt) {
        try {
            return users.from(jwt.getToken()).organization();
        } catch (RuntimeException noOrganization) {
            // a token without one is refused by the handler; the line still says who it was
            return null;
        }
    }
}
