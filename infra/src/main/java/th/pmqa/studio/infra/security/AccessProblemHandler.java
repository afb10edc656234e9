package th.pmqa.studio.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.Ordered;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import th.pmqa.studio.infra.access.AccessDeniedProblem;
import th.pmqa.studio.infra.access.UnauthenticatedProblem;
import th.pmqa.studio.infra.web.ProblemResponses;

/**
 * A refusal by the access rules raised in a web filter (where no controller advice runs) is answered with its own
 * problem, 401 or 403, as it would be from a handler, rather than Spring Boot's generic error body.
 */
public class AccessProblemHandler implements WebExceptionHandler, Ordered {

    private final ObjectMapper json;

    public AccessProblemHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return -2; // before Spring Boot's ErrorWebExceptionHandler (-1)
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if ((error instanceof UnauthenticatedProblem || error instanceof AccessDeniedProblem)
            && !exchange.getResponse().isCommitted()) {
            exchange.getResponse().getHeaders().addAll(((ErrorResponseException) error).getHeaders());
            return ProblemResponses.write(exchange, json, ((ErrorResponseException) error).getBody());
        }
        return Mono.error(error);
    }
}
