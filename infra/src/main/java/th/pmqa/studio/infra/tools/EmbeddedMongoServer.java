package th.pmqa.studio.infra.tools;

import de.bwaldvogel.mongo.MongoServer;
import th.pmqa.studio.infra.embedded.DurableH2Backend;
import th.pmqa.studio.infra.security.DevelopmentKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The zero-install MongoDB: a wire-protocol server with an H2 file under {@code STUDIO_DATA_DIR}, so data survives
 * restarts. A write is answered only once it is committed and fsynced ({@link DurableH2Backend}), so whatever was
 * acknowledged survives a kill -9 too; SIGTERM is still the gentler stop (it closes the file cleanly).
 */
public final class EmbeddedMongoServer {

    private EmbeddedMongoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("MONGO_PORT", "27018"));
        Path dataDir = DevelopmentKey.dataDir();
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("mongo.mv");
        MongoServer server = new MongoServer(DurableH2Backend.open(file));
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
