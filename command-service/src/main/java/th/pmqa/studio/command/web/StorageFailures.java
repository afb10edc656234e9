package th.pmqa.studio.command.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Tells a MongoDB that is away from one that answered with an error. */
final class StorageFailures {

    private static volatile long lastFailureNanos = System.nanoTime() - Long.MAX_VALUE / 2;

    private StorageFailures() {
    }

    static void failedNow() {
        lastFailureNanos = System.nanoTime();
    }

    /**
     * MongoDB failed us within the last 30 s and the driver's monitor still sees no server: no I/O, just the
     * driver's own view. A failure is required too, so a service that is still connecting at start is not refused.
     */
    static boolean knownDown(com.mongodb.client.MongoClient client) {
        if (System.nanoTime() - lastFailureNanos > java.util.concurrent.TimeUnit.SECONDS.toNanos(30)) {
            return false;
        }
        return client.getClusterDescription().getServerDescriptions().stream()
                     .noneMatch(server -> server.getState() == com.mongodb.connection.ServerConnectionState.CONNECTED);
    }

    static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
