package th.pmqa.studio.infra.tracing;

import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of one HTTP request, as the client sees it ({@code X-Request-Id}), as the access log writes it, in the
 * problem details of a refusal ({@code requestId}) and in the metadata of the events a command caused
 * ({@code requestId}): what ties a complaint ("an error at 10:32") to what happened.
 */
public final class RequestIds {

    /** The header a client (or a proxy in front) may send, and every answer carries. */
    public static final String HEADER = "X-Request-Id";
    /** The exchange attribute handlers may read it from. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    /** The Reactor context key it is under while a request is handled. */
    public static final String CONTEXT_KEY = "studio.requestId";
    /** The member of a problem details answer (an RFC 9457 extension member) and the event metadata key. */
    public static final String MEMBER = "requestId";
    /** Longer ids are not taken from a client: they go into every log line and event. */
    public static final int MAX_LENGTH = 64;

    // only characters that need no escaping in a header, a log line, JSON or a shell command
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    /** The client's id when it is short and safe to write anywhere, otherwise a new one. */
    public static String acceptOrGenerate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : generate();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /**
     * The id of the exchange's request. Also answered before the request id filter ran (a refusal by Spring
     * Security): the request itself then carries it as its {@link org.springframework.http.server.reactive.ServerHttpRequest#getId()}.
     */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : exchange.getRequest().getId();
    }

    public static Optional<String> of(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY);
    }

    /** Adds the id to a problem unless it has one already. */
    public static ProblemDetail stamp(ProblemDetail problem, String id) {
        if (id != null && (problem.getProperties() == null || !problem.getProperties().containsKey(MEMBER))) {
            problem.setProperty(MEMBER, id);
        }
        return problem;
    }
}
