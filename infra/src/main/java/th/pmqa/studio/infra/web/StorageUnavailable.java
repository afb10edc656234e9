package th.pmqa.studio.infra.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * MongoDB away (stopped, restarting, failing over) as both services answer it: 503 with {@code Retry-After} and a
 * problem of type {@code storage-unavailable}, rather than a 500 that tells a client nothing about trying again.
 */
public final class StorageUnavailable {

    /** Seconds a client is asked to wait: about the driver's server-selection timeout, the time a check takes. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private StorageUnavailable() {
    }

    /** A MongoDB that is away, told from one that answered with an error, anywhere in the cause chain. */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    public static ResponseEntity<ProblemDetail> answer(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create(ProblemResponses.TYPE_BASE + "storage-unavailable"));
        problem.setTitle("Storage unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
