package th.pmqa.studio.infra.web;

import org.springframework.core.codec.DecodingException;

/**
 * A request body refused before it is bound: not strict UTF-8, not exactly one JSON value, a key twice, a number too
 * long. {@code field} is the JSON path of the value at fault ({@code text}, {@code values.2566},
 * {@code profileItems[0]}), or {@code body} when the body as a whole is. A {@link DecodingException}, so WebFlux
 * answers it as unreadable input (400) wherever a controller binds a body.
 */
public class InvalidBodyException extends DecodingException {

    public static final String WHOLE_BODY = "body";

    private final String field;

    public InvalidBodyException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
