package th.pmqa.studio.query.export;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import th.pmqa.studio.infra.metrics.MeterNames;

import java.util.concurrent.TimeUnit;

/**
 * How long exports take, per format and outcome ({@link MeterNames#EXPORTS}): from the request to the end of the
 * answer, the PDF's LibreOffice conversion and the wait for an export slot included, as the person waits for it. One
 * filter on the export paths rather than lines in the controller; a client that goes away is not timed.
 */
@Component
public class ExportMeters implements WebFilter, Ordered {

    private final MeterRegistry registry;

    public ExportMeters(MeterRegistry registry) {
        this.registry = registry;
        // registered at zero so that a dashboard shows both formats before the first export
        for (String format : new String[]{"docx", "pdf"}) {
            for (String outcome : MeterNames.EXPORT_OUTCOMES) {
                timer(format, outcome);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** docx or pdf for /api/assessments/{id}/export.docx|pdf, else {@code null}. */
    static String formatOf(String path) {
        if (!path.startsWith("/api/assessments/")) {
            return null;
        }
        String[] segments = path.split("/");
        if (segments.length != 5) {
            return null;
        }
        return switch (segments[4]) {
            case "export.docx" -> "docx";
            case "export.pdf" -> "pdf";
            default -> null;
        };
    }

    static String outcomeOf(Integer status) {
        if (status == null || status < 400) {
            return "ok";
        }
        return status < 500 ? "refused" : "error";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String format = HttpMethod.GET.equals(exchange.getRequest().getMethod())
                        ? formatOf(exchange.getRequest().getPath().pathWithinApplication().value()) : null;
        if (format == null) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        return chain.filter(exchange)
                    .doOnSuccess(done -> record(exchange, format, start, false))
                    .doOnError(error -> record(exchange, format, start, true));
    }

    private void record(ServerWebExchange exchange, String format, long start, boolean failed) {
        var status = exchange.getResponse().getStatusCode();
        String outcome = failed && (status == null || status.is2xxSuccessful()) ? "error"
                         : outcomeOf(status == null ? null : status.value());
        timer(format, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String format, String outcome) {
        return Timer.builder(MeterNames.EXPORTS).tag("format", format).tag("outcome", outcome)
                    .description("Exports by format and outcome, from request to the end of the answer")
                    .register(registry);
    }
}
