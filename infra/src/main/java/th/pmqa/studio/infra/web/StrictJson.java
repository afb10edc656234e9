package th.pmqa.studio.infra.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * What a request body must be before anything is bound from it, for both services:
 * <ul>
 *     <li>UTF-8 as the standard defines it. Jackson's own decoder reads overlong forms ({@code C0 AF} as {@code /}),
 *     so the bytes are decoded once more by the JDK's decoder, which refuses those, surrogates encoded in UTF-8 and
 *     code points above U+10FFFF;</li>
 *     <li>exactly one JSON value: nothing after it, not even a second value;</li>
 *     <li>no key twice in one object (which of the two would count is anyone's guess);</li>
 *     <li>no number written with more than {@code maxNumberLength} characters: no field of this API needs more, and
 *     the domain's own limits are the aggregate's to check;</li>
 *     <li>no deeper nesting than {@code maxNestingDepth}.</li>
 * </ul>
 * Each refusal names the JSON path of the value at fault, or {@code body}. Bodies are at most 1 MB, and the check is
 * one pass over them.
 * <p>
 * {@link #mapper()} binds what passed, and binds strictly: no text, fraction or boolean turned into a number, no
 * number or boolean into text.
 */
public final class StrictJson {

    private final ObjectMapper mapper;
    private final JsonFactory checking;
    private final int maxNumberLength;

    public StrictJson(ObjectMapper general, int maxNumberLength, int maxNestingDepth) {
        this.maxNumberLength = maxNumberLength;
        this.checking = JsonFactory.builder()
                                   .streamReadConstraints(StreamReadConstraints.builder()
                                                                               .maxNestingDepth(maxNestingDepth).build())
                                   .build();
        this.mapper = strict(general.copy(), maxNumberLength, maxNestingDepth);
    }

    private static ObjectMapper strict(ObjectMapper mapper, int maxNumberLength, int maxNestingDepth) {
        // the pass in check() refuses all of these first, with the field named; here they guard a body bound without it
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth)
                                                                          .maxNumberLength(maxNumberLength).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // "7", 7.9 and 7.0 are no revision 7; "true" is no boolean
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** Binds request bodies that passed {@link #check(byte[])}. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** The body as a tree, once it passed {@link #check(byte[])}; {@code null} for a body of only whitespace. */
    public JsonNode readTree(byte[] body) {
        check(body);
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new InvalidBodyException(InvalidBodyException.WHOLE_BODY, "The request body is not valid JSON");
        }
    }

    /** @throws InvalidBodyException naming the field at fault, or {@code body} */
    public void check(byte[] body) {
        int malformed = firstMalformedByte(body);
        if (malformed >= 0) {
            String field = fieldAt(body, malformed);
            throw new InvalidBodyException(field, (field.equals(InvalidBodyException.WHOLE_BODY) ? "The request body"
                    : "'" + field + "'") + " is not valid UTF-8 (at byte " + malformed + "): overlong forms, "
                    + "surrogates and code points above U+10FFFF are refused");
        }
        JsonParser parser;
        try {
            parser = checking.createParser(body);
        } catch (IOException e) {
            throw new InvalidBodyException(InvalidBodyException.WHOLE_BODY, "The request body cannot be read");
        }
        try (parser) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return; // no value at all: the binding says what is missing
            }
            Deque<Set<String>> keys = new ArrayDeque<>();
            do {
                visit(parser, token, keys);
                if (keys.isEmpty()) {
                    break; // the one value is complete
                }
                token = parser.nextToken();
            } while (token != null);
            long end = parser.currentLocation().getByteOffset();
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (IOException garbage) {
                more = true;
            }
            if (more) {
                throw new InvalidBodyException(InvalidBodyException.WHOLE_BODY,
                        "The request body must be one JSON value with nothing after it; more follows at byte " + end);
            }
        } catch (StreamConstraintsException tooDeep) {
            throw new InvalidBodyException(fieldOf(parser), tooDeep.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidBodyException(InvalidBodyException.WHOLE_BODY,
                    "The request body is not valid JSON (at byte " + parser.currentLocation().getByteOffset() + ")");
        }
    }

    private void visit(JsonParser parser, JsonToken token, Deque<Set<String>> keys) throws IOException {
        switch (token) {
            case START_OBJECT -> keys.push(new HashSet<>());
            case START_ARRAY -> keys.push(Collections.emptySet());
            case END_OBJECT, END_ARRAY -> keys.pop();
            case FIELD_NAME -> {
                if (!keys.peek().add(parser.currentName())) {
                    String field = fieldOf(parser);
                    throw new InvalidBodyException(field, "'" + field + "' is given twice; give each key once");
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                if (parser.getTextLength() > maxNumberLength) {
                    String field = fieldOf(parser);
                    throw new InvalidBodyException(field, "'" + field + "' is a number of " + parser.getTextLength()
                            + " characters; numbers here have at most " + maxNumberLength);
                }
            }
            default -> {
            }
        }
    }

    /** The path of the value that holds byte {@code offset}: the last token that starts at or before it. */
    private String fieldAt(byte[] body, int offset) {
        String field = InvalidBodyException.WHOLE_BODY;
        JsonParser parser = null;
        try {
            parser = checking.createParser(body);
            while (parser.nextToken() != null && parser.currentTokenLocation().getByteOffset() <= offset) {
                field = fieldOf(parser);
            }
        } catch (IOException stoppedAtTheBadBytes) {
            if (parser != null) {
                field = fieldOf(parser);
            }
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // nothing held but the array
                }
            }
        }
        return field;
    }

    /** {@code values.2566}, {@code profileItems[0]}, or {@code body} at the top. */
    static String fieldOf(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            } else if (context.inArray() && context.getCurrentIndex() >= 0) {
                parts.push("[" + context.getCurrentIndex() + "]");
            }
        }
        parts.forEach(path::append);
        if (path.isEmpty()) {
            return InvalidBodyException.WHOLE_BODY;
        }
        return path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** The offset of the first byte that is no part of well-formed UTF-8, or -1. */
    static int firstMalformedByte(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT)
                                                       .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.min(body.length + 1, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            out.clear();
            return decoder.flush(out).isError() ? in.position() : -1;
        }
    }
}
