package th.pmqa.studio.query.e2e;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.security.TokenMinter;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.util.List;

/**
 * The command service, started in the test JVM on a random port against the same database as the query service
 * under test, so a test can send a real command over HTTP and watch it arrive on the read side.
 */
final class BothServices {

    static final String DATABASE = MongoTestServer.freshDatabaseName("e2e");
    static final String MONGODB_URI = MongoTestServer.uri(DATABASE);
    private static ConfigurableApplicationContext commandService;

    private BothServices() {
    }

    static synchronized int commandPort() {
        if (commandService == null) {
            commandService = new SpringApplicationBuilder(CommandServiceApplication.class)
                    // command-line arguments: they win over the service's own application.yml
                    .run("--server.port=0", "--studio.mongodb.uri=" + MONGODB_URI, "--spring.main.banner-mode=off",
                         "--studio.eventstore.fetch-delay=50ms", "--studio.rate-limit.writes-per-minute=10000000");
            Runtime.getRuntime().addShutdownHook(new Thread(commandService::close));
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

    static String token(String user, String name, String organization, List<String> roles) {
        return TokenMinter.mint(DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir()), user, name, organization,
                                roles, Duration.ofMinutes(30));
    }

    static WebTestClient client(int port, String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                            .responseTimeout(Duration.ofSeconds(30))
                            .defaultHeader("Authorization", "Bearer " + token).build();
    }
}
