package th.pmqa.studio.query.testing;

import th.pmqa.studio.infra.security.DevelopmentKey;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A service started as a separate JVM from the test class path, so a test can kill it with SIGKILL or run several
 * instances of it against one database.
 */
public final class ServiceProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /**
     * The fault tests start and restart services many times on CI's two cores, and a service's start-up is mostly
     * class loading and compiling: the client compiler alone and the serial collector start it markedly faster, and
     * nothing these tests prove depends on peak speed.
     */
    static final List<String> FAST_START = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public static ServiceProcess start(Class<?> application, String mongoUri, String... extraArgs) throws IOException {
        return start(application, mongoUri, FAST_START, extraArgs);
    }

    /** With JVM options of its own (heap size, compiler, GC) instead of {@link #FAST_START}. */
    public static ServiceProcess start(Class<?> application, String mongoUri, List<String> jvmOptions,
                                       String... extraArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dfile.encoding=UTF-8", "-Daxon.update-check.disabled=true",
                "-Ddisable-axoniq-console-message=true",
                "-cp", classPathFor(application), application.getName(),
                "--server.port=" + port, "--studio.mongodb.uri=" + mongoUri, "--spring.main.banner-mode=off",
                "--studio.eventstore.fetch-delay=50ms", "--studio.live.poll-interval=20ms",
                // the load generators write as one person, far faster than any person
                "--studio.rate-limit.writes-per-minute=10000000"));
        command.addAll(List.of(extraArgs));
        Path log = Files.createTempFile(application.getSimpleName(), ".log");
        ServiceProcess service = new ServiceProcess(command, log, port);
        service.launch();
        return service;
    }

    /**
     * The test class path with the application's own classes first: both services have an {@code application.yml},
     * and Spring Boot reads the first on the class path, so a command service would otherwise start with the query
     * service's settings.
     */
    static String classPathFor(Class<?> application) {
        String own;
        try {
            own = Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        entries.remove(own);
        entries.add(0, own);
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("STUDIO_DATA_DIR", DevelopmentKey.dataDir().toString());
        process = builder.start();
    }

    public Path log() {
        return log;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ServiceProcess awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        // the last answer (or failure) goes into the error: "not healthy in 2 minutes" alone says nothing of why
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("none");
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("service died, see " + log + ":\n" + Files.readString(log));
                }
                try {
                    HttpResponse<String> health = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                       .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    last.set(health.statusCode() + " " + health.body());
                    return health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"");
                } catch (IOException | RuntimeException e) {
                    last.set(e.toString());
                    throw e;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not healthy within 2 minutes; last health answer: " + last.get() + "; log " + log,
                                     e);
        }
        return this;
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
