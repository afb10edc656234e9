package th.pmqa.studio.command.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.Personas;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/**
 * Two command-service nodes, each with its own Axon configuration and aggregate cache, on one database: what one
 * node caches goes stale when the other writes, and a command must then be decided on the store's state, never
 * lost and never refused for the cache's sake.
 */
class TwoCommandNodesTest {

    private static final String URI = MongoTestServer.uri(MongoTestServer.freshDatabaseName("two-nodes"));
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static WebTestClient a;
    private static WebTestClient b;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = start();
        nodeB = start();
        String token = Personas.token(SOMSRI, "KKN", List.of("LEAD"), Duration.ofMinutes(10));
        a = client(nodeA, token);
        b = client(nodeB, token);
        a.post().uri("/api/assessments")
         .bodyValue(Map.of("organizationCode", "KKN", "organizationName", "จังหวัดขอนแก่น", "organizationType", "PROVINCE",
                           "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
         .exchange().expectStatus().isCreated();
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .run("--server.port=0", "--studio.mongodb.uri=" + URI, "--spring.main.banner-mode=off");
    }

    private static WebTestClient client(ConfigurableApplicationContext node, String token) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20))
                            .defaultHeader("Authorization", "Bearer " + token).build();
    }

    private static long draft(WebTestClient node, String criterion, String text, long base) {
        Map<?, ?> answer = node.put().uri("/api/assessments/KKN-2567/criteria/{c}/levels/basic/approach", criterion)
                               .bodyValue(Map.of("text", text, "baseRevision", base))
                               .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) answer.get("revision")).longValue();
    }

    @Test
    void aNodeWhoseCachedAssessmentIsBehindStillAcceptsEditsBasedOnTheOtherNodesWrites() {
        long first = draft(a, "1.1", "ผู้บริหารกำหนดทิศทาง", 0);      // node A now caches the assessment
        long second = draft(b, "1.1", "ผู้บริหารร่วมกันกำหนดทิศทาง", first);
        long third = draft(b, "1.1", "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ", second);

        // A's cache still holds revision `first`: judged on it, this edit would look stale
        long fourth = draft(a, "1.1", "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ ๒๕๖๗", third);

        assertThat(List.of(first, second, third, fourth)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anEditOfAnotherSectionThroughANodeThatMissedTheOtherNodesWriteIsStoredNotRefused() {
        draft(a, "2.1", "วางแผนยุทธศาสตร์", 0);
        draft(b, "2.2", "ถ่ายทอดแผน", 0);      // A's cached assessment has not seen this event

        // A appends on top of an outdated sequence number, collides in the event store and must try again
        long revision = draft(a, "2.3", "ติดตามผล", 0);

        assertThat(revision).isEqualTo(1);
        draft(b, "2.3", "ติดตามผลรายไตรมาส", revision);
    }

    @Test
    void anEditThatIsReallyStaleIsStillRefusedWithTheCurrentRevision() {
        long first = draft(a, "3.1", "ข้อความแรก", 0);
        draft(b, "3.1", "ข้อความที่สอง", first);

        a.put().uri("/api/assessments/KKN-2567/criteria/3.1/levels/basic/approach")
         .bodyValue(Map.of("text", "แก้จากฉบับเก่า", "baseRevision", first))
         .exchange().expectStatus().isEqualTo(409)
         .expectBody().jsonPath("$.currentRevision").isEqualTo(2);
    }
}
