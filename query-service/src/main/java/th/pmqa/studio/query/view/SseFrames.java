package th.pmqa.studio.query.view;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent event frames encoded once and shared: one change fanned out to a thousand subscribers is turned into
 * UTF-8 bytes once, not a thousand times (measured: per-subscriber encoding was what limited fan-out).
 */
public final class SseFrames {

    private SseFrames() {
    }

    /** {@code json} must be single-line (compact JSON is). */
    public static byte[] frame(String event, long id, String json) {
        return ("id:" + id + "\nevent:" + event + "\ndata:" + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    public static DataBuffer buffer(byte[] frame) {
        return DefaultDataBufferFactory.sharedInstance.wrap(frame);
    }
}
