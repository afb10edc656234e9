package th.pmqa.studio.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Answers a request with a problem-details body from a web filter, where no controller advice runs (security,
 * access and rate-limit filters). The problem's status becomes the response's; its instance is the request path,
 * and its {@code requestId} the request's id (problems encoded by the codecs get it from
 * {@link th.pmqa.studio.infra.tracing.ProblemRequestIdEncoder}).
 */
public final class ProblemResponses {

    /** Where each problem type of both services is named: {@code TYPE_BASE + "edit-conflict"}, and so on. */
    public static final String TYPE_BASE = "https://pmqa-studio.example/problems/";

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ObjectMapper json, ProblemDetail problem) {
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException notAUri) {
            // a path the firewall refused need not be a valid URI; the problem is still worth sending
        }
        th.pmqa.studio.infra.tracing.RequestIds.stamp(problem, th.pmqa.studio.infra.tracing.RequestIds.of(exchange));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        } catch (Exception e) {
            return Mono.error(e);
        }
    }
}
