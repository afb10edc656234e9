package th.pmqa.studio.query.web.browser;

import org.openqa.selenium.WebDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.QueryServiceApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Both services in this JVM on free ports against a database of their own, as {@code infra/run.sh} starts them
 * (the query service serving the app and knowing the command service's URL, the command service allowing the app's
 * origin), and the browsers a test opened on them, all closed together. One per test class: starting the stack and
 * Chromium costs seconds, so a class runs several scenarios on one.
 */
public final class BrowserStack implements AutoCloseable {

    private final ConfigurableApplicationContext commandService;
    private final ConfigurableApplicationContext queryService;
    private final List<WebDriver> browsers = new ArrayList<>();
    private String mongoUri;

    private BrowserStack(ConfigurableApplicationContext commandService, ConfigurableApplicationContext queryService) {
        this.commandService = commandService;
        this.queryService = queryService;
    }

    /** The database both services use (a benchmark writes a long history straight into its event store). */
    public String mongoUri() {
        return mongoUri;
    }

    public static BrowserStack start(String databasePrefix) {
        return start(databasePrefix, new String[0]);
    }

    /** With settings of the test's own for both services, e.g. {@code --studio.jwt.development-clock-skew=0s}. */
    public static BrowserStack start(String databasePrefix, String... settings) {
        String mongo = MongoTestServer.uri(MongoTestServer.freshDatabaseName(databasePrefix));
        // the command service must know the app's origin before it starts, so the query port is chosen first
        int queryPort = freePort();
        String appOrigin = "http://127.0.0.1:" + queryPort;
        ConfigurableApplicationContext commands = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(with(settings, "--server.port=0", "--studio.mongodb.uri=" + mongo, "--spring.main.banner-mode=off",
                          "--studio.eventstore.fetch-delay=50ms", "--studio.rate-limit.writes-per-minute=10000000",
                          "--studio.web.origins=" + appOrigin));
        int commandPort = port(commands);
        ConfigurableApplicationContext queries;
        try {
            queries = new SpringApplicationBuilder(QueryServiceApplication.class)
                    .run(with(settings, "--server.port=" + queryPort, "--studio.mongodb.uri=" + mongo,
                              "--spring.main.banner-mode=off", "--studio.eventstore.fetch-delay=50ms",
                              "--studio.live.poll-interval=20ms", "--studio.comments.poll-interval=100ms",
                              "--studio.web.command-url=http://127.0.0.1:" + commandPort));
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
        BrowserStack stack = new BrowserStack(commands, queries);
        stack.mongoUri = mongo;
        return stack;
    }

    /** An address of the app, e.g. {@code app("/app/sign-in")}. */
    public String app(String path) {
        return "http://127.0.0.1:" + port(queryService) + path;
    }

    public int commandPort() {
        return port(commandService);
    }

    public int queryPort() {
        return port(queryService);
    }

    /** A new browser window of its own (its own sessionStorage), closed with the stack. */
    public WebDriver browser() {
        WebDriver driver = Browsers.chromium();
        browsers.add(driver);
        return driver;
    }

    public static String token(String user, String name, String organization, String role) {
        return DevelopmentTokens.mint(user, name, organization, List.of(role), Duration.ofMinutes(30));
    }

    /** The command API as a person, to set up what a scenario starts from. */
    public WebTestClient commands(String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(commandService))
                            .responseTimeout(Duration.ofSeconds(30))
                            .defaultHeader("Authorization", "Bearer " + token).build();
    }

    @Override
    public void close() {
        for (WebDriver browser : browsers) {
            try {
                browser.quit();
            } catch (RuntimeException alreadyGone) {
                // the next one still has to be closed
            }
        }
        queryService.close();
        commandService.close();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String[] with(String[] settings, String... arguments) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.Arrays.stream(settings))
                                      .toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
