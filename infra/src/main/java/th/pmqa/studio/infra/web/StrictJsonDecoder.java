package th.pmqa.studio.infra.web;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.util.MimeType;

import java.util.Map;

/**
 * The JSON decoder of both services: every request body bound to one value (every {@code @RequestBody} here) is first
 * checked by {@link StrictJson}, then bound with its strict mapper. Spring joins the body into one buffer before this
 * runs, and has transcoded it to UTF-8 when the request named another charset.
 */
public class StrictJsonDecoder extends Jackson2JsonDecoder {

    private final StrictJson strict;

    public StrictJsonDecoder(StrictJson strict) {
        super(strict.mapper());
        this.strict = strict;
    }

    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints)
            throws DecodingException {
        byte[] body = new byte[buffer.readableByteCount()];
        try {
            buffer.read(body);
        } finally {
            DataBufferUtils.release(buffer);
        }
        strict.check(body);
        return super.decode(DefaultDataBufferFactory.sharedInstance.wrap(body), targetType, mimeType, hints);
    }
}
