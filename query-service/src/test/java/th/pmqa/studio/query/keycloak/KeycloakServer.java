package th.pmqa.studio.query.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Keycloak of {@code infra/keycloak.sh} (realm {@code pmqa} from {@code infra/keycloak/pmqa-realm.json}), started
 * once per test JVM by the same script people use and stopped with the JVM. Starting it costs 20–70 s, so every
 * Keycloak test class shares it; a class that changes the realm (keys, clients) does so in a way the others do not
 * notice (they ask for fresh tokens).
 */
public final class KeycloakServer {

    public static final String TEST_CLIENT = "pmqa-studio-tests";
    public static final String TEST_CLIENT_SECRET = "pmqa-tests-secret";
    public static final String PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static KeycloakServer running;

    private final String issuer;

    private KeycloakServer(String issuer) {
        this.issuer = issuer;
    }

    /** The shared server, started on first use. */
    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = new KeycloakServer(start());
        }
        return running;
    }

    /** {@code http://127.0.0.1:PORT/realms/pmqa}. */
    public String issuer() {
        return issuer;
    }

    public String base() {
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    /** An access token of a demo user through the test client's password grant. */
    public String token(String username) {
        return token("pmqa", TEST_CLIENT, TEST_CLIENT_SECRET, username);
    }

    public String token(String realm, String client, String secret, String username) {
        JsonNode answer = form(base() + "/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", client, "client_secret", secret, "username", username,
                       "password", PASSWORD));
        return answer.get("access_token").asText();
    }

    /** The claims of a token (not verified: the services do that). */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call of Keycloak's admin REST API as the bootstrap administrator; answers the body (or null). */
    public JsonNode admin(String method, String path, Object body) {
        String adminToken = form(base() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .get("access_token").asText();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/admin" + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                                                + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The realm file of the repository, as JSON to change and import again (another realm, another client). */
    public static ObjectNode realmFile() {
        try {
            return (ObjectNode) JSON.readTree(root().resolve("infra/keycloak/pmqa-realm.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String start() {
        Path root = root();
        try {
            Path errors = Files.createTempFile("keycloak-script", ".log");
            errors.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("infra/keycloak.sh").toString())
                    .redirectError(errors.toFile());
            // a JVM killed without running its hooks does not leave Keycloak behind: the script watches this pid
            builder.environment().put("KEYCLOAK_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
            Process script = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                script.destroy();
                try {
                    script.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            BufferedReader out = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8));
            // the script prints the issuer once the realm answers (it gives up itself after 180 s, plus a download)
            String issuer = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(6, TimeUnit.MINUTES);
            if (issuer == null || !issuer.startsWith("http")) {
                throw new IllegalStateException("infra/keycloak.sh did not start Keycloak:\n" + Files.readString(errors));
            }
            return issuer.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("infra/keycloak.sh did not start Keycloak", e);
        }
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/keycloak.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("infra/keycloak.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
