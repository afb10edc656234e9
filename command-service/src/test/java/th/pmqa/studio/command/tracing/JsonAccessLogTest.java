package th.pmqa.studio.command.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/** STUDIO_LOG_FORMAT=json: the access line is one JSON object with the request id as a field of its own. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "studio.log.format=json")
class JsonAccessLogTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("jsonlog")));
    }

    @Autowired
    ApplicationContext context;

    /**
     * Spring Boot sets logging up once per JVM and leaves it to later test contexts as it is, so this class asks for
     * a fresh set-up before its context starts (in JSON), and after it for text again: the format is also kept in a
     * system property that Spring Boot sets only while it is unset, so that goes too.
     */
    @org.junit.jupiter.api.BeforeAll
    static void freshLoggingSetUp() {
        org.springframework.boot.logging.LoggingSystem.get(JsonAccessLogTest.class.getClassLoader()).cleanUp();
    }

    @org.junit.jupiter.api.AfterAll
    static void textLogsForTheClassesAfterThisOne() {
        System.clearProperty(org.springframework.boot.logging.LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT
                                     .getEnvironmentVariableName());
        org.springframework.boot.logging.LoggingSystem.get(JsonAccessLogTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void withJsonLogsTheAccessLineParsesAsJsonAndHasTheRequestIdAsAField(CapturedOutput output)
            throws Exception {
        WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                     .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-json").claim("org", "JSN").claim("roles", List.of("EDITOR"))))
                     .get().uri("/api/assessments/JSN-2567/nothing-here").header("X-Request-Id", "json-line-1")
                     .exchange().expectHeader().valueEquals("X-Request-Id", "json-line-1");

        List<String> lines = RequestTracingHttpTest.await(
                () -> output.getOut().lines().filter(line -> line.contains("json-line-1")).toList(), found -> !found.isEmpty());
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("requestId").asText()).isEqualTo("json-line-1");
        assertThat(line.path("method").asText()).isEqualTo("GET");
        assertThat(line.path("path").asText()).isEqualTo("/api/assessments/JSN-2567/nothing-here");
        assertThat(line.path("status").asInt()).isEqualTo(404);
        assertThat(line.path("user").asText()).isEqualTo("u-json");
        assertThat(line.path("org").asText()).isEqualTo("JSN");
        assertThat(line.path("message").asText()).contains("GET /api/assessments/JSN-2567/nothing-here 404");
    }
}
