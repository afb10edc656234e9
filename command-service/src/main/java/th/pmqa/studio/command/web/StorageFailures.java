package th.pmqa.studio.command.web;

/** Tells a MongoDB that is away from one that answered with an error. */
final class StorageFailures {

    private static volatile boolean seenConnected;

    private StorageFailures() {
    }

    /**
     * The driver's monitor sees no MongoDB server, after having seen one: no I/O, just the driver's own view (it
     * checks every 2 s). A service still connecting at start is not refused.
     */
    static boolean knownDown(com.mongodb.client.MongoClient client) {
        boolean connected = client.getClusterDescription().getServerDescriptions().stream()
                                  .anyMatch(server -> server.getState() == com.mongodb.connection.ServerConnectionState.CONNECTED);
        if (connected) {
            seenConnected = true;
            return false;
        }
        return seenConnected;
    }

    static boolean isUnavailable(Throwable error) {
        return th.pmqa.studio.infra.web.StorageUnavailable.isUnavailable(error);
    }
}
