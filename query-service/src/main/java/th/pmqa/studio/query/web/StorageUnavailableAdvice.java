package th.pmqa.studio.query.web;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import th.pmqa.studio.infra.web.StorageUnavailable;

/**
 * Reads while MongoDB is away (stopped, restarting, failing over) answer 503 with {@code Retry-After}, as writes do,
 * within the driver's server-selection timeout, instead of a 500. Any other storage error stays a 500.
 */
@RestControllerAdvice
public class StorageUnavailableAdvice {

    @ExceptionHandler({com.mongodb.MongoException.class, EventStoreException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException error) {
        if (!StorageUnavailable.isUnavailable(error)) {
            throw error;
        }
        return StorageUnavailable.answer("The read models cannot be reached right now. Please try again shortly.");
    }
}
