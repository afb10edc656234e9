package th.pmqa.studio.query.e2e;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.report.Author;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command service, started in the test JVM on a random port against the same database as the query service
 * under test, so a test can send a real command over HTTP and watch it arrive on the read side.
 */
final class BothServices {

    /** The database the end-to-end tests share unless they need one of their own. */
    static final String DATABASE = MongoTestServer.freshDatabaseName("e2e");
    static final String MONGODB_URI = MongoTestServer.uri(DATABASE);
    /** One command service per database URI, started on first use. */
    private static final Map<String, ConfigurableApplicationContext> COMMAND_SERVICES = new HashMap<>();

    private BothServices() {
    }

    /** The port of the command service on the shared database. */
    static int commandPort() {
        return commandPort(MONGODB_URI);
    }

    /**
     * The port of the command service on {@code mongodbUri}, started once per JVM for that database. Closed when the
     * JVM ends, never after a test class: closing one disposes Reactor Netty's global event loops, which the other
     * services this JVM started still serve on (seen: the shared command service refusing connections after
     * another test class had closed its own).
     */
    static synchronized int commandPort(String mongodbUri) {
        ConfigurableApplicationContext commandService = COMMAND_SERVICES.get(mongodbUri);
        if (commandService == null) {
            commandService = new SpringApplicationBuilder(CommandServiceApplication.class)
                    // command-line arguments: they win over the service's own application.yml
                    .run("--server.port=0", "--studio.mongodb.uri=" + mongodbUri, "--spring.main.banner-mode=off",
                         "--studio.eventstore.fetch-delay=50ms", "--studio.rate-limit.writes-per-minute=10000000");
            Runtime.getRuntime().addShutdownHook(new Thread(commandService::close));
            COMMAND_SERVICES.put(mongodbUri, commandService);
        }
        return ((WebServerApplicationContext) commandService).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext secondQueryService;

    /** Another query-service instance on the same database: its processor may own no segment at all. */
    static synchronized int secondQueryPort() {
        if (secondQueryService == null) {
            secondQueryService = new SpringApplicationBuilder(th.pmqa.studio.query.QueryServiceApplication.class)
                    .run("--server.port=0", "--studio.mongodb.uri=" + MONGODB_URI, "--spring.main.banner-mode=off",
                         "--studio.eventstore.fetch-delay=50ms", "--studio.live.poll-interval=20ms");
            Runtime.getRuntime().addShutdownHook(new Thread(secondQueryService::close));
        }
        return ((WebServerApplicationContext) secondQueryService).getWebServer().getPort();
    }

    /** A lead of {@code organization}: edits and reads that organization's assessments, and only those. */
    static String token(String user, String name, String organization) {
        return token(user, name, organization, List.of("LEAD"));
    }

    /** {@code who} as a lead of {@code organization}. */
    static String token(Author who, String organization) {
        return token(who.userId(), who.name(), organization);
    }

    static String token(String user, String name, String organization, List<String> roles) {
        return DevelopmentTokens.mint(user, name, organization, roles, Duration.ofMinutes(30));
    }

    static WebTestClient client(int port, String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                            .responseTimeout(Duration.ofSeconds(30))
                            .defaultHeader("Authorization", "Bearer " + token).build();
    }
}
