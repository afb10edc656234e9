package th.pmqa.studio.command.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import th.pmqa.studio.command.rejection.RejectedCommandException;
import th.pmqa.studio.command.rejection.EditConflictException;
import th.pmqa.studio.command.rejection.SectionsNotApprovedException;
import th.pmqa.studio.command.rejection.SubmissionWindowException;
import th.pmqa.studio.infra.web.InvalidBodyException;

import java.net.URI;

/**
 * Turns every refusal into RFC 9457 problem details with a stable {@code type} and the {@code field} at fault, so
 * that a client can point the writer at the right input.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    public static final String TYPE_BASE = th.pmqa.studio.infra.web.ProblemResponses.TYPE_BASE;

    @ExceptionHandler(RejectedCommandException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedCommandException rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT, STALE -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
        ProblemDetail problem = problem(status, rejection.problemType(), title(rejection), rejection.getMessage(),
                rejection.field());
        rejection.properties().forEach(problem::setProperty);
        if (rejection instanceof SectionsNotApprovedException notApproved) {
            problem.setProperty("unapprovedSections", notApproved.unapproved());
        }
        if (rejection instanceof SubmissionWindowException window) {
            problem.setProperty("opensAt", window.opensAt());
            problem.setProperty("closesAt", window.closesAt());
        }
        if (rejection instanceof EditConflictException conflict) {
            problem.setProperty("textField", conflict.textField());
            problem.setProperty("baseRevision", conflict.baseRevision());
            problem.setProperty("base", conflict.base());
            problem.setProperty("theirs", conflict.theirs());
            problem.setProperty("currentRevision", conflict.currentRevision());
            problem.setProperty("yours", conflict.yours());
            problem.setProperty("lastAuthor", conflict.lastAuthor());
            problem.setProperty("conflicts", conflict.conflicts());
        }
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAssessment(AggregateNotFoundException error) {
        return respond(problem(HttpStatus.NOT_FOUND, "assessment-not-found", "Assessment not found",
                "No assessment " + error.getAggregateIdentifier() + " has been opened", "assessmentId"));
    }

    /** Two nodes created the same assessment stream at once; the event store's unique index let one win. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> raceOnCreation(AggregateStreamCreationException error) {
        return respond(problem(HttpStatus.CONFLICT, "assessment-exists", "Assessment already exists",
                "The assessment was opened at the same moment by someone else", "assessmentId"));
    }

    /** Two nodes appended to the same assessment at once; retrying re-reads the winner's change. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> raceOnAppend(ConcurrencyException error) {
        return respond(problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Someone else changed this assessment at the same moment; please try again", "assessmentId"));
    }

    /**
     * MongoDB is unreachable (stopped, restarting, failing over): answer at once with 503 and a hint when to retry,
     * rather than hang or hide it behind a 500. Nothing was stored.
     */
    @ExceptionHandler({org.axonframework.eventsourcing.eventstore.EventStoreException.class, com.mongodb.MongoException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException error) {
        if (!StorageFailures.isUnavailable(error)) {
            throw error;
        }
        return th.pmqa.studio.infra.web.StorageUnavailable.answer(
                "The event store cannot be reached right now; nothing was saved. Please try again shortly.");
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException error) {
        InvalidBodyException invalid = cause(error, InvalidBodyException.class);
        if (invalid != null) {
            // as for other malformed bodies, a fault of the body as a whole names no field
            String field = InvalidBodyException.WHOLE_BODY.equals(invalid.field()) ? null : invalid.field();
            return respond(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                                   invalid.getMessage(), field));
        }
        String field = jsonField(error);
        String detail;
        if (field != null) {
            detail = "'" + field + "' " + expected(cause(error, MismatchedInputException.class));
        } else if (causedBy(error, JsonParseException.class)) {
            detail = "The request body is not valid JSON";
        } else {
            detail = error.getReason() != null ? error.getReason() : "The request cannot be read";
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail, field));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> statusException(ResponseStatusException error) {
        HttpStatusCode status = error.getStatusCode();
        ProblemDetail problem = error.getBody();
        if (status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            problem.setType(URI.create(TYPE_BASE + "request-too-large"));
            problem.setDetail("The request body exceeds the size this service reads");
        } else if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create(TYPE_BASE + "http-" + status.value()));
        }
        return respond(problem);
    }

    /** A token that names nobody, or no organization for an organization-scoped role (401). */
    @ExceptionHandler(th.pmqa.studio.infra.access.UnauthenticatedProblem.class)
    ResponseEntity<ProblemDetail> unauthenticated(th.pmqa.studio.infra.access.UnauthenticatedProblem error) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).headers(error.getHeaders())
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(error.getBody());
    }

    /** Errors that carry their own problem, such as a refusal by the access rules (403). */
    @ExceptionHandler(th.pmqa.studio.infra.access.AccessDeniedProblem.class)
    ResponseEntity<ProblemDetail> accessDenied(th.pmqa.studio.infra.access.AccessDeniedProblem error) {
        return respond(error.getBody());
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail,
                                         String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static String title(RejectedCommandException rejection) {
        return switch (rejection.kind()) {
            case NOT_FOUND -> "Not found";
            case INVALID -> "Invalid input";
            case CONFLICT -> rejection.problemType().equals("assessment-submitted")
                    ? "Assessment has been submitted" : "Conflict";
            case STALE -> "Edit conflict";
            case TOO_LARGE -> rejection.problemType().equals("evidence-too-large") ? "File too large" : "Text too long";
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The JSON path Jackson reports, e.g. {@code values.2565} or {@code profileItems[2]}. */
    static String jsonField(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JsonMappingException.Reference reference : mapping.getPath()) {
                    if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    } else if (reference.getFieldName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(reference.getFieldName());
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    /** What a value of the type Jackson could not bind is, in the words of the API ("a whole number", …). */
    private static String expected(MismatchedInputException mismatch) {
        Class<?> type = mismatch == null ? null : mismatch.getTargetType();
        if (type == null) {
            return "is missing or has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
            || type == Short.class || type == java.math.BigInteger.class) {
            return "must be a whole number, written without quotes, fraction or exponent";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number, written without quotes";
        }
        if (type == String.class) {
            return "must be text in quotes";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "is missing or has the wrong type";
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
