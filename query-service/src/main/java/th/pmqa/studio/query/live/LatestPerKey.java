package th.pmqa.studio.query.live;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Drop-to-latest per key: a slow subscriber gets, for each key, only the newest item that arrived while it was not
 * reading, instead of a growing buffer or a stalled publisher.
 */
public final class LatestPerKey {

    private LatestPerKey() {
    }

    public static <K, V> Flux<V> conflate(Flux<V> source, Function<V, K> key) {
        return Flux.create(sink -> {
            Map<K, V> pending = new LinkedHashMap<>();
            Runnable drain = () -> {
                while (true) {
                    V next;
                    synchronized (pending) {
                        if (pending.isEmpty() || sink.requestedFromDownstream() == 0) {
                            return;
                        }
                        K first = pending.keySet().iterator().next();
                        next = pending.remove(first);
                    }
                    sink.next(next);
                }
            };
            var subscription = source.subscribe(v -> {
                synchronized (pending) {
                    pending.remove(key.apply(v)); // re-insert at the end: newest last
                    pending.put(key.apply(v), v);
                }
                drain.run();
            }, sink::error, sink::complete);
            sink.onRequest(n -> drain.run());
            sink.onDispose(subscription);
        }, FluxSink.OverflowStrategy.ERROR);
    }
}
