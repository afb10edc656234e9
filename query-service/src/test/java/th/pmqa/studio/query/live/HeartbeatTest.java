package th.pmqa.studio.query.live;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatTest {

    @Test
    void aQuietStreamGetsACommentEveryIntervalAndNothingBefore() {
        StepVerifier.withVirtualTime(Heartbeat::events)
                    .expectSubscription()
                    .expectNoEvent(Heartbeat.INTERVAL.minusMillis(1))
                    .thenAwait(java.time.Duration.ofMillis(1))
                    .assertNext(e -> {
                        assertThat(e.comment()).isEqualTo("keep-alive");
                        assertThat(e.data()).isNull();
                        assertThat(e.event()).isNull();
                    })
                    .thenAwait(Heartbeat.INTERVAL)
                    .expectNextCount(1)
                    .thenCancel()
                    .verify();
    }
}
