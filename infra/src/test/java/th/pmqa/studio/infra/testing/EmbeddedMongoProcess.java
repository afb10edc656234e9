package th.pmqa.studio.infra.testing;

import th.pmqa.studio.infra.tools.EmbeddedMongoServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The embedded MongoDB as {@code infra/run.sh} starts it: {@link EmbeddedMongoServer} in a JVM of its own with its
 * H2 file in a data folder, so a test can kill it with SIGKILL and start it again on the same file and port.
 */
public final class EmbeddedMongoProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process process;

    private EmbeddedMongoProcess(Path dataDir, int port, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
    }

    /** Starts the server on a free port with its data in {@code dataDir}; returns once it listens. */
    public static EmbeddedMongoProcess start(Path dataDir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("embedded-mongo", ".log");
        EmbeddedMongoProcess server = new EmbeddedMongoProcess(dataDir, port, log);
        server.launch();
        return server;
    }

    private void launch() throws IOException {
        long startsBefore = starts();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), EmbeddedMongoServer.class.getName()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("STUDIO_DATA_DIR", dataDir.toString());
        builder.environment().put("MONGO_PORT", Integer.toString(port));
        process = builder.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the embedded MongoDB died, see " + log + ":\n"
                                                + Files.readString(log));
            }
            return starts() > startsBefore;
        });
    }

    /** How many times the server said it listens, in the log that all its starts share. */
    private long starts() throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("Embedded MongoDB listening")).count();
        }
    }

    /** A connection string naming {@code database}, with short timeouts: a test notices a dead server at once. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000";
    }

    public Path log() {
        return log;
    }

    /** kill -9: no shutdown hook, no close of the H2 store. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts it again on the same data folder and port; returns once it listens. */
    public void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
