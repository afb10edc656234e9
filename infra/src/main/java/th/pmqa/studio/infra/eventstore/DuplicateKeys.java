package th.pmqa.studio.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

/**
 * Recognises a duplicate key, in whichever exception the driver wraps it: the unique indexes are how the store
 * detects concurrent appends and sealed indexes, so every collaborator must read a write failure the same way.
 */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Whether a write failed on a unique index: the only failure that means "someone else got there first". */
    static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoException mongo && mongo.getCode() == 11000;
    }
}
