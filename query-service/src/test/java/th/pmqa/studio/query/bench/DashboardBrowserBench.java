package th.pmqa.studio.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.web.browser.BrowserStack;
import th.pmqa.studio.query.web.browser.Screens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard in headless Chromium with N assessments (200 by default), seeded through the command API, each with
 * one drafted text. Per load of {@code /app/dashboard} (a full page load, as a reload or a bookmark costs): first
 * contentful paint, the first row on screen (the stream's first event drawn), every row and heatmap cell drawn, the
 * longest main-thread task until then (Long Tasks API); then
 * how long a text saved through the API takes to show in its row. Baseline of the same run: the dashboard's JSON
 * ({@code GET /api/assessments}) read by a plain HTTP client. {@code infra/bench.sh --dashboard-browser-only
 * [--dashboard-assessments N] [--dashboard-loads N]}; ends with a RESULT line.
 */
final class DashboardBrowserBench {

    private static final String FACILITATOR = BrowserStack.token("bench-fac", "พี่เลี้ยง", "OPDC", "FACILITATOR");
    // installed before the app's scripts run: when the first row, all rows and their cells are in the page, and
    // the main thread's long tasks (over 50 ms: what keeps the page from answering a click or a key)
    private static final String OBSERVER = """
            window.__marks = {};
            window.__longTasks = [];
            new PerformanceObserver(list => { for (const t of list.getEntries()) { window.__longTasks.push(t); } })
              .observe({type: 'longtask'});
            new MutationObserver(() => {
              const rows = document.querySelectorAll("[data-testid='dashboard-row']").length;
              if (rows > 0 && !window.__marks.firstRow) { window.__marks.firstRow = performance.now(); }
              if (window.__want && rows >= window.__want && !window.__marks.allRows
                  && document.querySelectorAll("[data-testid='heatmap-cell']").length >= window.__want * 18) {
                window.__marks.allRows = performance.now();
              }
            }).observe(document, {childList: true, subtree: true});
            """;

    private DashboardBrowserBench() {
    }

    public static void main(String[] args) {
        int assessments = argument(args, "--dashboard-assessments", 200);
        int loads = argument(args, "--dashboard-loads", 5);
        try (BrowserStack stack = BrowserStack.start("bench_dashboard")) {
            List<String> ids = seed(stack, assessments);
            WebTestClient queries = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort())
                    .responseTimeout(Duration.ofSeconds(60)).defaultHeader("Authorization", "Bearer " + FACILITATOR)
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
            awaitRows(queries, assessments);
            List<Double> json = new ArrayList<>();
            for (int i = 0; i < loads + 2; i++) {
                long start = System.nanoTime();
                queries.get().uri("/api/assessments").exchange().expectStatus().isOk().expectBody().returnResult();
                if (i >= 2) { // two warm-ups, as the browser's first load warms the server too
                    json.add((System.nanoTime() - start) / 1e6);
                }
            }

            WebDriver browser = stack.browser();
            ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                                                       Map.of("source", OBSERVER.replace("window.__want", String.valueOf(assessments))));
            browser.get(stack.app("/app/sign-in?next=/app/"));
            Screens.signIn(browser, "bench-fac", "พี่เลี้ยง", "OPDC", "FACILITATOR");
            List<Double> paint = new ArrayList<>();
            List<Double> firstRow = new ArrayList<>();
            List<Double> allRows = new ArrayList<>();
            List<Double> longest = new ArrayList<>();
            for (int i = 0; i < loads + 1; i++) {
                browser.get(stack.app("/app/dashboard"));
                Map<?, ?> marks = (Map<?, ?>) new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> {
                    Object answer = ((JavascriptExecutor) d).executeScript(
                            "const p = performance.getEntriesByName('first-contentful-paint')[0]; const m = window.__marks;"
                            // a long task is reported after it ends: wait a moment past the last cell before reading them
                            + "if (!m.allRows || performance.now() < m.allRows + 500) { return null; }"
                            + "const tasks = window.__longTasks.filter(t => t.startTime <= m.allRows);"
                            + "return {paint: p ? p.startTime : -1, firstRow: m.firstRow, allRows: m.allRows,"
                            + " longest: Math.max(0, ...tasks.map(t => t.duration))};");
                    return answer;
                });
                if (i >= 1) { // the first load fetches and compiles the app's files for the first time
                    paint.add(((Number) marks.get("paint")).doubleValue());
                    firstRow.add(((Number) marks.get("firstRow")).doubleValue());
                    allRows.add(((Number) marks.get("allRows")).doubleValue());
                    longest.add(((Number) marks.get("longest")).doubleValue());
                }
            }
            List<Double> update = new ArrayList<>();
            for (int i = 0; i < loads; i++) {
                update.add(liveUpdate(stack, browser, ids.get(i)));
            }
            print(assessments, loads, median(json), median(paint), median(firstRow), median(allRows), median(longest),
                  median(update));
        }
        System.exit(0);
    }

    private static List<String> seed(BrowserStack stack, int assessments) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < assessments; i++) {
            String code = String.format(Locale.ROOT, "BENCH%03d", i);
            String lead = BrowserStack.token("lead-" + code, "หัวหน้าทีม " + i, code, "LEAD");
            JsonNode opened = stack.commands(lead).post().uri("/api/assessments")
                    .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบที่ " + i,
                                      "organizationType", i % 4 == 0 ? "AGENCY" : "PROVINCE", "fiscalYear", 2567,
                                      "catalogVersion", "pmqa-4.0/2567"))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            String id = opened.get("assessmentId").asText();
            stack.commands(lead).put().uri("/api/assessments/" + id + "/criteria/1." + (1 + i % 3) + "/levels/basic/approach")
                 .bodyValue(Map.of("text", "แนวทางการนำองค์การของจังหวัดที่ " + i, "baseRevision", 0))
                 .exchange().expectStatus().isOk();
            ids.add(id);
        }
        return ids;
    }

    private static void awaitRows(WebTestClient queries, int assessments) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode dashboard = queries.get().uri("/api/assessments").exchange().expectBody(JsonNode.class)
                                        .returnResult().getResponseBody();
            if (dashboard != null && dashboard.get("assessments").size() >= assessments
                && dashboard.path("projection").path("caughtUp").asBoolean()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("the dashboard never had " + assessments + " rows");
    }

    /** From a save answered by the command service to its row drawn at the save's position, in milliseconds. */
    private static double liveUpdate(BrowserStack stack, WebDriver browser, String id) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        // the row's position, not its completion: one more drafted part of 191 may round to the same percentage
        String selector = "[data-testid='dashboard-row'][data-assessment='" + id + "']";
        page.executeScript("const el = document.querySelector(arguments[0]); const before = el.dataset.position;"
                           + "window.__changedAt = null; new MutationObserver((m, o) => { if (el.dataset.position !== before) {"
                           + " window.__changedAt = performance.timeOrigin + performance.now(); o.disconnect(); } })"
                           + ".observe(el, {attributes: true});", selector);
        String code = id.substring(0, id.lastIndexOf('-'));
        stack.commands(BrowserStack.token("editor-" + code, "ผู้เขียน", code, "EDITOR")).put()
             .uri("/api/assessments/" + id + "/criteria/2.1/levels/basic/deploy")
             .bodyValue(Map.of("text", "ถ่ายทอดแผนสู่ทุกอำเภอ", "baseRevision", 0)).exchange().expectStatus().isOk();
        double saved = System.currentTimeMillis();
        Number changed = (Number) new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> page.executeScript("return window.__changedAt;"));
        return changed.doubleValue() - saved;
    }

    private static void print(int assessments, int loads, double jsonMs, double paintMs, double firstRowMs,
                              double allRowsMs, double longestMs, double updateMs) {
        System.out.printf(Locale.ROOT, "dashboard in headless Chromium, %d assessments, median of %d loads (after one warm-up)%n",
                          assessments, loads);
        System.out.printf(Locale.ROOT, "dashboard: GET /api/assessments by a plain HTTP client (baseline): %.0f ms%n", jsonMs);
        System.out.printf(Locale.ROOT, "dashboard: first contentful paint: %.0f ms after navigation start%n", paintMs);
        System.out.printf(Locale.ROOT, "dashboard: first live row drawn: %.0f ms after navigation start (%.1fx the JSON read)%n",
                          firstRowMs, firstRowMs / jsonMs);
        System.out.printf(Locale.ROOT, "dashboard: every row and heatmap cell drawn (%d rows, %d cells): %.0f ms%n",
                          assessments, assessments * 18, allRowsMs);
        System.out.printf(Locale.ROOT, "dashboard: longest main-thread task until then: %.0f ms%n", longestMs);
        System.out.printf(Locale.ROOT, "dashboard: a saved text shown in its row: median %.0f ms after the save answered%n",
                          updateMs);
        System.out.printf(Locale.ROOT, "RESULT server=%s dashboard_assessments=%d dashboard_json_ms=%.0f "
                                       + "dashboard_first_paint_ms=%.0f dashboard_first_row_ms=%.0f dashboard_all_rows_ms=%.0f "
                                       + "dashboard_first_row_vs_json=%.1f dashboard_longest_task_ms=%.0f "
                                       + "dashboard_live_update_ms=%.0f%n",
                          MongoTestServer.serverName(), assessments, jsonMs, paintMs, firstRowMs, allRowsMs,
                          firstRowMs / jsonMs, longestMs, updateMs);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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
