package th.pmqa.studio.infra.tools;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import th.pmqa.studio.infra.security.DevelopmentKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The zero-install MongoDB: a wire-protocol server with an H2 file under {@code STUDIO_DATA_DIR}, so data survives
 * restarts. It must be stopped with SIGTERM (not kill -9): H2 needs a clean close.
 */
public final class EmbeddedMongoServer {

    private EmbeddedMongoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("MONGO_PORT", "27018"));
        Path dataDir = DevelopmentKey.dataDir();
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("mongo.mv");
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "embedded-mongo-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("Embedded MongoDB listening on mongodb://127.0.0.1:" + port + " (data in " + file + ")");
        stopped.await();
    }
}
