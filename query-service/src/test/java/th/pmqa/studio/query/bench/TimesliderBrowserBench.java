package th.pmqa.studio.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.web.browser.BrowserStack;
import th.pmqa.studio.query.web.browser.Screens;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.VersionLabeledEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The history timeslider on a long history, in headless Chromium: an assessment with 5,000 changes (OP items
 * saved by two people, two named versions, written straight into the event store), then, measured inside the page,
 * the time from a real key press (← through Selenium, the page's own keydown timestamp) to the step's diff in the
 * page and a frame painted; the same for jumps (the slider dragged to a far step: an input event) and Shift+← to a
 * named version. Baselines from the same run, in the same page: one page of the change feed and one report at a
 * position, fetched bare. Also the longest main-thread task seen while scrubbing (PerformanceObserver 'longtask').
 * <p>
 * {@code infra/bench.sh --timeslider-browser-only [--timeslider-changes N] [--timeslider-steps N]}; ends with a RESULT line.
 */
final class TimesliderBrowserBench {

    private static final String WAIT_FOR_STEP = """
            const step = String(arguments[0]); const done = arguments[arguments.length - 1];
            const started = window.__benchPressed ?? performance.now();
            const look = () => {
              const diff = document.querySelector("[data-testid='timeslider-diff']");
              if (diff && diff.dataset.step === step) {
                requestAnimationFrame(() => done(performance.now() - started));
              } else if (performance.now() - started > 30000) {
                done(-1);
              } else {
                requestAnimationFrame(look);
              }
            };
            look();""";

    private TimesliderBrowserBench() {
    }

    public static void main(String[] args) {
        int changes = argument(args, "--timeslider-changes", 5_000);
        int steps = argument(args, "--timeslider-steps", 300);
        try (BrowserStack stack = BrowserStack.start("benchslider")) {
            String lead = BrowserStack.token("lead-sld", "สมศรี หัวหน้าทีม", "SLD", "LEAD");
            long seeding = System.nanoTime();
            String id = seed(stack, changes);
            System.out.printf(Locale.ROOT, "timeslider: stored %d changes in the event store in %.1f s on %s%n",
                              changes, (System.nanoTime() - seeding) / 1e9, MongoTestServer.serverName());
            awaitProjected(stack, lead, id, changes);

            WebDriver browser = stack.browser();
            JavascriptExecutor page = (JavascriptExecutor) browser;
            browser.get(stack.app("/app/sign-in?next=/app/"));
            Screens.signIn(browser, "fac-sld", "พี่เลี้ยง", "", "FACILITATOR");
            browser.get(stack.app("/app/assessments/" + id + "/history"));
            page.executeScript("window.__benchPressed = 0;");
            double firstPaint = wait(page, changes);
            page.executeScript("""
                    window.__longest = 0;
                    new PerformanceObserver(l => l.getEntries().forEach(e => { window.__longest = Math.max(window.__longest, e.duration); }))
                      .observe({ type: 'longtask', buffered: false });
                    document.addEventListener('keydown', e => { window.__benchPressed = e.timeStamp; }, true);
                    document.querySelector("[data-testid='timeslider']").focus();""");

            List<Double> stepMs = new ArrayList<>();
            for (int i = 1; i <= steps; i++) {
                new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
                stepMs.add(wait(page, changes - i));
            }
            List<Double> jumpMs = new ArrayList<>();
            Random random = new Random(14);
            for (int i = 0; i < 30; i++) {
                int target = 1 + random.nextInt(changes);
                page.executeScript("""
                        const slider = document.querySelector("[data-testid='timeslider']");
                        window.__benchPressed = performance.now();
                        slider.value = String(arguments[0]);
                        slider.dispatchEvent(new Event('input', { bubbles: true }));""", target);
                jumpMs.add(wait(page, target));
            }
            page.executeScript("document.querySelector(\"[data-testid='timeslider']\").focus();");
            new Actions(browser).sendKeys(Keys.END).perform();
            wait(page, changes);
            new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_LEFT).keyUp(Keys.SHIFT).perform();
            double labelMs = wait(page, labelStep(changes, 2));
            double longest = ((Number) page.executeScript("return window.__longest;")).doubleValue();
            double feedPage = baseline(page, "/api/assessments/" + id + "/changes?after=0&limit=200");
            double report = baseline(page, "/api/assessments/" + id + "/report?position=" + position(stack, lead, id));

            double stepP50 = QueryBench.percentile(stepMs, 50);
            double stepP95 = QueryBench.percentile(stepMs, 95);
            double jumpP50 = QueryBench.percentile(jumpMs, 50);
            double jumpP95 = QueryBench.percentile(jumpMs, 95);
            System.out.printf(Locale.ROOT, "timeslider: first paint of change %d of %d: %.0f ms after navigation%n",
                              changes, changes, firstPaint);
            System.out.printf(Locale.ROOT, "timeslider: ← key press to the step's diff painted, %d steps back from the end: "
                              + "p50 %.1f ms, p95 %.1f ms, max %.1f ms (at change %d)%n", steps, stepP50, stepP95,
                              stepMs.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                              changes - 1 - stepMs.indexOf(stepMs.stream().max(Double::compare).orElse(0.0)));
            System.out.printf(Locale.ROOT, "timeslider: slider dragged to a far step (30 random), to its diff painted: "
                              + "p50 %.1f ms, p95 %.1f ms%n", jumpP50, jumpP95);
            System.out.printf(Locale.ROOT, "timeslider: Shift+← to the named version: %.1f ms%n", labelMs);
            System.out.printf(Locale.ROOT, "timeslider: longest main-thread task while scrubbing: %.0f ms%n", longest);
            System.out.printf(Locale.ROOT, "timeslider: baselines in the same page: one feed page (200 changes) %.1f ms, "
                              + "one report?position %.1f ms; step p95 / feed page %.2fx, jump p95 / feed page %.2fx%n",
                              feedPage, report, stepP95 / feedPage, jumpP95 / feedPage);
            System.out.printf(Locale.ROOT, "RESULT server=%s timeslider_changes=%d timeslider_first_paint_ms=%.0f "
                              + "timeslider_step_p50_ms=%.1f timeslider_step_p95_ms=%.1f timeslider_jump_p50_ms=%.1f "
                              + "timeslider_jump_p95_ms=%.1f timeslider_label_ms=%.1f timeslider_longest_task_ms=%.0f "
                              + "feed_page_ms=%.1f report_at_position_ms=%.1f step_p95_vs_feed_page=%.2f%n",
                              MongoTestServer.serverName(), changes, firstPaint, stepP50, stepP95, jumpP50, jumpP95,
                              labelMs, longest, feedPage, report, stepP95 / feedPage);
        }
        System.exit(0);
    }

    private static double wait(JavascriptExecutor page, int step) {
        double ms = ((Number) page.executeAsyncScript(WAIT_FOR_STEP, step)).doubleValue();
        if (ms < 0) {
            throw new IllegalStateException("the timeslider never showed step " + step);
        }
        return ms;
    }

    private static double baseline(JavascriptExecutor page, String path) {
        // the page's own token is in a module; the app is signed in, so ask the page to mint the same header
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            times.add(((Number) page.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/app/js/api.js').then(async api => {
                      const t = performance.now();
                      await api.query('GET', arguments[0]);
                      done(performance.now() - t);
                    });""", path)).doubleValue());
        }
        return QueryBench.percentile(times, 50);
    }

    /** The step of the n-th named version: seed() sets one after every third of the history. */
    private static int labelStep(int changes, int n) {
        return n * changes / 3;
    }

    /**
     * Opening, then saves by two people over the 29 OP items (a sentence that changes a few words each time) and two
     * labels: `changes` events straight into the services' event store (through the command API this took 4 changes
     * a second on a loaded machine); the query service projects them as it would any others (QueryBench does the same).
     */
    private static String seed(BrowserStack stack, int changes) {
        String database = new com.mongodb.ConnectionString(stack.mongoUri()).getDatabase();
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoDatabase db = client.getDatabase(database);
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            String id = AssessmentId.of("SLD", 2567).value();
            AssessmentId assessment = new AssessmentId(id);
            Author lead = new Author("lead-sld", "สมศรี หัวหน้าทีม");
            Author editor = new Author("editor-sld", "วิชัย ผู้เขียน");
            List<DomainEventMessage<?>> events = new ArrayList<>();
            events.add(new GenericDomainEventMessage<>("Assessment", id, 0, new AssessmentOpenedEvent(assessment, "SLD",
                    "จังหวัดเลื่อนดู", OrganizationType.PROVINCE, 2567, "pmqa-4.0/2567", lead, Instant.now())));
            int[] revisions = new int[30];
            for (int step = 2; step <= changes; step++) {
                Author who = step % 2 == 0 ? editor : lead;
                Object event;
                if (step == labelStep(changes, 1) || step == labelStep(changes, 2)) {
                    event = new VersionLabeledEvent(assessment, "ฉบับที่ " + step, lead, Instant.now());
                } else {
                    int item = 1 + step % 29;
                    int revision = ++revisions[item];
                    String text = "ส่วนราชการในจังหวัดทบทวนแผนร่วมกันทุกไตรมาส ครั้งที่ " + revision
                                  + (revision % 2 == 0 ? " และรายงานผลต่อผู้ว่าราชการจังหวัด" : " โดยใช้ข้อมูลจากระบบติดตามผล");
                    event = new ProfileItemDraftedEvent(assessment, item, text, revision, who, Instant.now());
                }
                events.add(new GenericDomainEventMessage<>("Assessment", id, step - 1, event));
                if (events.size() == 100) {
                    engine.appendEvents(events);
                    events.clear();
                }
            }
            engine.appendEvents(events);
            return id;
        }
    }

    private static WebTestClient reads(BrowserStack stack, String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort())
                            .responseTimeout(Duration.ofSeconds(60)).defaultHeader("Authorization", "Bearer " + token).build();
    }

    private static void awaitProjected(BrowserStack stack, String token, String id, int changes) {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            JsonNode page = reads(stack, token).get().uri("/api/assessments/" + id + "/changes?after=0&limit=1").exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            if (page.path("total").asInt() >= changes) {
                return;
            }
        }
        throw new IllegalStateException("the query side did not project " + changes + " changes in 5 minutes");
    }

    private static long position(BrowserStack stack, String token, String id) {
        return reads(stack, token).get().uri("/api/assessments/" + id + "/report").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("position").asLong() / 2;
    }

    private static int argument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
