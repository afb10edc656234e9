package th.pmqa.studio.query.live;

import th.pmqa.studio.query.view.SseFrames;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A comment line on every open event stream while nothing else is sent. A quiet stream is normal (nobody writes at
 * night), but proxies close a connection idle for long (nginx after 60 s by default), and a client cannot tell a
 * closed connection from a quiet one; EventSource ignores comments.
 */
public final class Heartbeat {

    public static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final byte[] FRAME = ":keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private Heartbeat() {
    }

    public static <T> ServerSentEvent<T> comment(String text) {
        return ServerSentEvent.<T>builder().comment(text).build();
    }

    public static <T> Flux<ServerSentEvent<T>> events() {
        return Flux.interval(INTERVAL).map(tick -> comment("keep-alive"));
    }

    public static Flux<DataBuffer> frames() {
        return Flux.interval(INTERVAL).map(tick -> SseFrames.buffer(FRAME));
    }
}
