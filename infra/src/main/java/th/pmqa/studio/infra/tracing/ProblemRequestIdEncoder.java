package th.pmqa.studio.infra.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Spring's JSON encoder, which also writes the request id into every problem details answer it encodes: those of
 * the controller advice of either service, of Spring's own handling of {@code ErrorResponseException}s, and of
 * whatever is added later, without each place having to remember. The id comes from the Reactor context the
 * {@link AccessLog} handler sets; problems written outside the codecs go through
 * {@link th.pmqa.studio.infra.web.ProblemResponses}, which adds it too.
 */
public final class ProblemRequestIdEncoder extends Jackson2JsonEncoder {

    public ProblemRequestIdEncoder(ObjectMapper mapper, MimeType... mimeTypes) {
        super(mapper, mimeTypes);
    }

    @Override
    public Flux<DataBuffer> encode(Publisher<?> input, DataBufferFactory bufferFactory, ResolvableType elementType,
                                   MimeType mimeType, Map<String, Object> hints) {
        if (input instanceof Mono<?> single) {
            return Flux.deferContextual(context -> super.encode(
                    single.map(value -> value instanceof ProblemDetail problem
                            ? RequestIds.stamp(problem, RequestIds.of(context).orElse(null)) : value),
                    bufferFactory, elementType, mimeType, hints));
        }
        return super.encode(input, bufferFactory, elementType, mimeType, hints);
    }
}
