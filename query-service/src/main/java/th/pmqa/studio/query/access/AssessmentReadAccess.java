package th.pmqa.studio.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.pmqa.studio.infra.access.AccessDeniedProblem;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.access.StudioUsers;
import th.pmqa.studio.infra.web.ProblemResponses;
import th.pmqa.studio.report.AssessmentId;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Everything under {@code /api/assessments/{id}/} (report, HTML export, time travel, diffs, history, change feed,
 * streams, presence, comments) belongs to the organization the id names. Checked here, once, for every method
 * (presence heartbeats are PUT and DELETE), before any handler reads anything, so a new endpoint under that path is
 * covered without having to remember it; the access matrix test proves it.
 *
 * <p>The decision is taken on what the handler will use, never on the raw request path: the filter asks the
 * dispatcher's own handler mappings which endpoint the request reaches and with which path variables (decoded, as
 * the router decodes them). Matching a pattern on the raw path let {@code /api/%61ssessments/BKK-2567/report} through
 * to BKK's report, because the router decodes {@code %61} and the pattern did not.
 */
@Component
public class AssessmentReadAccess implements WebFilter, Ordered {

    /** The endpoints whose {@code id} variable names the assessment they read. */
    private static final String ASSESSMENT_SCOPED = "/api/assessments/{id}/";

    private final StudioUsers users;
    private final ObjectMapper json;
    private final ObjectProvider<DispatcherHandler> dispatcher;

    public AssessmentReadAccess(StudioUsers users, ObjectMapper json, ObjectProvider<DispatcherHandler> dispatcher) {
        this.users = users;
        this.json = json;
        this.dispatcher = dispatcher;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Security has authenticated the request
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return organizationOf(exchange)
                .flatMap(organization -> decide(exchange, organization))
                .defaultIfEmpty(true)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : Mono.empty());
    }

    /**
     * The organization of the assessment the request's handler will read, as the handler will see its {@code id}; empty
     * when the request reaches no assessment-scoped handler (then the dispatcher answers it, 404 or 405 included).
     */
    private Mono<String> organizationOf(ServerWebExchange exchange) {
        DispatcherHandler handler = dispatcher.getIfAvailable();
        if (handler == null || handler.getHandlerMappings() == null) {
            return Mono.error(new IllegalStateException("no dispatcher to ask which endpoint a request reaches"));
        }
        return Flux.fromIterable(handler.getHandlerMappings())
                .concatMap(mapping -> mapping.getHandler(exchange))
                .next()
                // a request no mapping takes (405, 415, 406) reaches no handler: the dispatcher refuses it alike
                .onErrorResume(noHandler -> Mono.empty())
                .flatMap(found -> Mono.justOrEmpty(assessmentVariable(exchange)))
                .map(id -> new AssessmentId(id).organizationCode());
    }

    private static Optional<String> assessmentVariable(ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof PathPattern matched) || !matched.getPatternString().startsWith(ASSESSMENT_SCOPED)) {
            return Optional.empty();
        }
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.get("id") == null) {
            throw new IllegalStateException(matched.getPatternString() + " matched without its id");
        }
        return Optional.of(variables.get("id"));
    }

    private Mono<Boolean> decide(ServerWebExchange exchange, String organization) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> ((JwtAuthenticationToken) p).getToken())
                .flatMap(jwt -> {
                    try {
                        users.require(jwt, Action.READ, organization);
                        return Mono.just(true);
                    } catch (AccessDeniedProblem denied) {
                        return ProblemResponses.write(exchange, json, denied.getBody()).then(Mono.just(false));
                    }
                })
                // an assessment is never read without a token, whatever a security rule upstream let through
                .switchIfEmpty(Mono.defer(() -> unauthenticated(exchange).then(Mono.just(false))));
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer …).");
        body.setType(URI.create(ProblemResponses.TYPE_BASE + "unauthenticated"));
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return ProblemResponses.write(exchange, json, body);
    }
}
