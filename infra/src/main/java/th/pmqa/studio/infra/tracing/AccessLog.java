package th.pmqa.studio.infra.tracing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Gives every request its id and writes one access line when its response is complete. It wraps the whole
 * HTTP handler rather than being a web filter because the status of a refusal is only decided after the filters: by
 * Spring Security's entry point, or by the exception handlers, which run outside the filter chain. A live stream's
 * line is written when the stream ends (completed, failed, or cancelled by the client going away).
 * <p>
 * The line has the method, the path without its query (which may carry a stream ticket), status, duration, request
 * id and, when signed in, the token's subject and organization; never a body or a token. The values are also
 * key-value pairs of the log event, which Spring Boot's structured logging
 * ({@code logging.structured.format.console=ecs}) writes as JSON fields.
 */
public final class AccessLog implements HttpHandlerDecoratorFactory {

    public static final String LOGGER = "th.pmqa.studio.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_PATH = 512;

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            long start = System.nanoTime();
            String id = RequestIds.acceptOrGenerate(request.getHeaders().getFirst(RequestIds.HEADER));
            RequestTrace trace = new RequestTrace(id);
            response.beforeCommit(() -> {
                response.getHeaders().set(RequestIds.HEADER, id);
                return Mono.empty();
            });
            return handler.handle(new IdentifiedRequest(request, id), response)
                          .doFinally(signal -> write(trace, request, response, signal, start))
                          .contextWrite(context -> context.put(RequestIds.CONTEXT_KEY, id).put(RequestTrace.class, trace));
        };
    }

    private static void write(RequestTrace trace, ServerHttpRequest request, ServerHttpResponse response,
                              SignalType signal, long start) {
        try {
            long millis = (System.nanoTime() - start) / 1_000_000L;
            HttpStatusCode status = response.getStatusCode();
            int code = status == null ? 200 : status.value();
            String outcome = switch (signal) {
                case ON_ERROR -> "failed";
                case CANCEL -> "cancelled";
                default -> "completed";
            };
            String method = request.getMethod().name();
            String path = printable(request.getPath().pathWithinApplication().value(), MAX_PATH);
            String subject = printable(trace.subject(), 128);
            String organization = printable(trace.organization(), 64);
            LoggingEventBuilder line = log.atInfo()
                    .addKeyValue("requestId", trace.id())
                    .addKeyValue("method", method)
                    .addKeyValue("path", path)
                    .addKeyValue("status", code)
                    .addKeyValue("durationMs", millis)
                    .addKeyValue("outcome", outcome);
            if (subject != null) {
                line = line.addKeyValue("user", subject);
            }
            if (organization != null) {
                line = line.addKeyValue("org", organization);
            }
            line.log("{} {} {} {} ms {} requestId={}{}{}", method, path, code, millis, outcome, trace.id(),
                     subject == null ? "" : " user=" + subject, organization == null ? "" : " org=" + organization);
        } catch (RuntimeException e) {
            // a log line must never fail a request
            log.warn("Access line not written: {}", e.toString());
        }
    }

    /** Control characters and over-long values stay out of log lines (one request, one line). */
    static String printable(String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > max) {
            out.append('…');
        }
        return out.toString();
    }

    /**
     * The request id as the request's own id: Spring's log prefix and Spring Boot's error answer
     * ({@code requestId}) then use it too, and it is there for refusals made before any filter of ours ran.
     */
    private static final class IdentifiedRequest extends ServerHttpRequestDecorator {

        private final String id;

        IdentifiedRequest(ServerHttpRequest delegate, String id) {
            super(delegate);
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }
    }
}
