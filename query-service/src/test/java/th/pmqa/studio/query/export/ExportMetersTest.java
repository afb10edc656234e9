package th.pmqa.studio.query.export;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import th.pmqa.studio.infra.metrics.MeterNames;

import static org.assertj.core.api.Assertions.assertThat;

class ExportMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExportMeters meters = new ExportMeters(registry);

    private long count(String format, String outcome) {
        return registry.get(MeterNames.EXPORTS).tag("format", format).tag("outcome", outcome).timer().count();
    }

    private void get(String path, HttpStatus answer) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        meters.filter(exchange, e -> {
            e.getResponse().setStatusCode(answer);
            return Mono.empty();
        }).block();
    }

    @Test
    void everyExportIsTimedByFormatAndOutcomeFromTheStartBothFormatsShowAtZero() {
        assertThat(count("docx", "ok")).isZero();
        assertThat(count("pdf", "error")).isZero();

        get("/api/assessments/KKN-2567/export.docx", HttpStatus.OK);
        get("/api/assessments/KKN-2567/export.pdf", HttpStatus.OK);
        get("/api/assessments/KKN-2567/export.pdf", HttpStatus.SERVICE_UNAVAILABLE); // no LibreOffice
        get("/api/assessments/NOPE-2567/export.docx", HttpStatus.NOT_FOUND);

        assertThat(count("docx", "ok")).isEqualTo(1);
        assertThat(count("pdf", "ok")).isEqualTo(1);
        assertThat(count("pdf", "error")).isEqualTo(1);
        assertThat(count("docx", "refused")).isEqualTo(1);
    }

    @Test
    void otherPathsAreNotTimed() {
        get("/api/assessments/KKN-2567", HttpStatus.OK);
        get("/api/assessments/KKN-2567/history/export.docx", HttpStatus.OK);
        assertThat(registry.get(MeterNames.EXPORTS).timers()).allSatisfy(t -> assertThat(t.count()).isZero());
    }
}
