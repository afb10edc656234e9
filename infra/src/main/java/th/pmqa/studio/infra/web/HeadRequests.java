package th.pmqa.studio.infra.web;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A HEAD of a live stream is answered as its GET would start: with the status the stream opens with. WebFlux answers
 * HEAD of a streaming body without subscribing to it at all, so a stream whose assessment does not exist answered 200
 * to HEAD and 404 to GET. Here the stream runs until its first frame (or its error, which the error handling then
 * turns into the same problem as for GET), and is cancelled there; the frame itself is never sent.
 */
public final class HeadRequests implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                if (!streaming()) {
                    return super.writeAndFlushWith(body);
                }
                return Flux.from(body).concatMap(Flux::from).next().doOnNext(DataBufferUtils::release)
                           .then(Mono.defer(this::setComplete));
            }

            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                if (!streaming()) {
                    return super.writeWith(body);
                }
                return Flux.from(body).next().doOnNext(DataBufferUtils::release).then(Mono.defer(this::setComplete));
            }

            private boolean streaming() {
                MediaType type = getHeaders().getContentType();
                return type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type);
            }
        }).build());
    }
}
