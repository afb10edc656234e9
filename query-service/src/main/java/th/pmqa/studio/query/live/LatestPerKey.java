package th.pmqa.studio.query.live;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Drop-to-latest per key: a slow subscriber gets, for each key, only the newest item that arrived while it was not
 * reading, instead of a growing buffer or a stalled publisher. Items still pending when the source completes are
 * delivered before completion.
 */
public final class LatestPerKey {

    private LatestPerKey() {
    }

    public static <K, V> Flux<V> conflate(Flux<V> source, Function<V, K> key) {
        return Flux.create(sink -> {
            Map<K, V> pending = new LinkedHashMap<>();
            AtomicInteger work = new AtomicInteger();
            boolean[] done = {false};
            Throwable[] failure = {null};
            // One thread drains at a time (the classic work-in-progress loop): demand is checked and used by the
            // same thread, so two threads can never both spend the last unit of demand.
            Runnable drain = () -> {
                if (work.getAndIncrement() != 0) {
                    return;
                }
                do {
                    while (true) {
                        V next;
                        boolean finished;
                        synchronized (pending) {
                            finished = done[0] && pending.isEmpty();
                            if (finished || pending.isEmpty() || sink.requestedFromDownstream() == 0) {
                                next = null;
                            } else {
                                K first = pending.keySet().iterator().next();
                                next = pending.remove(first);
                            }
                        }
                        if (finished) {
                            if (failure[0] != null) {
                                sink.error(failure[0]);
                            } else {
                                sink.complete();
                            }
                            return;
                        }
                        if (next == null) {
                            break;
                        }
                        sink.next(next);
                    }
                } while (work.decrementAndGet() != 0);
            };
            var subscription = source.subscribe(v -> {
                synchronized (pending) {
                    K k = key.apply(v);
                    pending.remove(k); // re-insert at the end: newest last
                    pending.put(k, v);
                }
                drain.run();
            }, e -> {
                synchronized (pending) {
                    failure[0] = e;
                    done[0] = true;
                }
                drain.run();
            }, () -> {
                synchronized (pending) {
                    done[0] = true;
                }
                drain.run();
            });
            sink.onRequest(n -> drain.run());
            sink.onDispose(subscription);
        }, FluxSink.OverflowStrategy.ERROR);
    }
}
