package th.pmqa.studio.query.live;

import th.pmqa.studio.query.view.SseFrames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import th.pmqa.studio.infra.metrics.MeterNames;

import static org.assertj.core.api.Assertions.assertThat;

class StreamSubscriberMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamSubscriberMeters meters = new StreamSubscriberMeters(registry);

    private double open(String kind) {
        return registry.get(MeterNames.LIVE_SUBSCRIBERS).tag("stream", kind).gauge().value();
    }

    @Test
    void eachStreamPathIsCountedUnderItsKindAndMadeUpPathsAreNot() {
        assertThat(StreamSubscriberMeters.kindOf("/api/assessments/KKN-2567/stream")).isEqualTo("report");
        assertThat(StreamSubscriberMeters.kindOf("/api/assessments/KKN-2567/changes/stream")).isEqualTo("changes");
        assertThat(StreamSubscriberMeters.kindOf("/api/assessments/KKN-2567/comments/stream")).isEqualTo("comments");
        assertThat(StreamSubscriberMeters.kindOf("/api/assessments/KKN-2567/presence/stream")).isEqualTo("presence");
        assertThat(StreamSubscriberMeters.kindOf("/api/dashboard/stream")).isEqualTo("dashboard");
        assertThat(StreamSubscriberMeters.kindOf("/api/assessments/KKN-2567/anything-at-all/stream")).isNull();
        assertThat(StreamSubscriberMeters.kindOf("/api/assessments/KKN-2567/report")).isNull();
    }

    @Test
    void aStreamCountsWhileItIsOpenAndARefusedOneNever() {
        var streaming = MockServerWebExchange.from(MockServerHttpRequest.get("/api/assessments/KKN-2567/stream"));
        Disposable client = meters.filter(streaming, exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            // an answer starts with its first frame (every stream sends one at once, or a heartbeat)
            return exchange.getResponse().writeWith(Flux.just(SseFrames.buffer(":hello\n\n".getBytes()))
                                                        .concatWith(Flux.never()));
        }).subscribe();
        assertThat(open("report")).isEqualTo(1);
        client.dispose(); // the client went away
        assertThat(open("report")).isZero();

        var refused = MockServerWebExchange.from(MockServerHttpRequest.get("/api/dashboard/stream"));
        meters.filter(refused, exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
        }).block();
        assertThat(open("dashboard")).isZero();
    }
}
