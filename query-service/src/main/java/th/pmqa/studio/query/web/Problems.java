package th.pmqa.studio.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** RFC 9457 errors of the query API, naming the field at fault. */
public final class Problems {

    public static final String TYPE_BASE = th.pmqa.studio.infra.web.ProblemResponses.TYPE_BASE;

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String type, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException notFound(String field, String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", field, detail);
    }

    public static ErrorResponseException invalid(String field, String detail) {
        return of(HttpStatus.BAD_REQUEST, "invalid-input", field, detail);
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be an ISO-8601 instant such as 2024-03-01T09:00:00Z, not '" + value + "'");
        }
    }

    /** A global position or a revision, in every answer: 2^53 − 1, the largest every JSON client reads exactly. */
    public static final long MAX_POSITION = 9_007_199_254_740_991L;

    /** A count or page number, or a position to read after: a whole number from 0. */
    public static long nonNegative(String field, String value) {
        return wholeNumber(field, value, Long.MAX_VALUE, "");
    }

    /** A global position in the event store, as time travel takes it. */
    public static long position(String field, String value) {
        return wholeNumber(field, value, MAX_POSITION, " (a global position)");
    }

    private static long wholeNumber(String field, String value, long maximum, String what) {
        if (value != null && value.length() <= 19 && !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long parsed = Long.parseLong(value);
            if (parsed <= maximum) {
                return parsed;
            }
        }
        throw invalid(field, field + " must be a whole number from 0 to " + maximum + what + ", not '" + value + "'");
    }
}
