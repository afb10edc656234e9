package th.pmqa.studio.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.web.browser.BrowserStack;
import th.pmqa.studio.query.web.browser.Screens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From one browser's save to the text appearing in a second browser viewing the same worksheet (issue 13), over
 * {@code --saves N} saves (50). {@code infra/bench.sh --browser-only} runs this alone, in real Chromium windows on both
 * services started in this JVM ({@link BrowserStack}, the browser tests' settings).
 * <p>
 * Both windows stamp their moments with {@code performance.timeOrigin + performance.now()}: the same machine's clock
 * in sub-millisecond steps, so the two can be subtracted. Window 1: when its save (the PUT) leaves, and when the page
 * shows it acknowledged ({@code save-state} turns {@code saved}). Window 2: when the text is put into its editor
 * (the editor's {@code value} setter, wrapped: a textarea's value is not a DOM mutation an observer could see).
 */
final class BrowserSaveBench {

    private static final String FIELD = "adr-basic-approach";

    private BrowserSaveBench() {
    }

    /** Measures {@code saves} saves; the p95 (ms) from the PUT leaving window 1 is returned. */
    static double run(int saves, boolean alone) {
        long started = System.nanoTime();
        try (BrowserStack stack = BrowserStack.start("bench_browser")) {
            String code = "BENCH" + System.nanoTime() % 100000;
            String lead = BrowserStack.token("lead-" + code, "ผู้นำ", code, "LEAD");
            JsonNode opened = stack.commands(lead).post().uri("/api/assessments")
                    .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                      "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            String path = "/app/assessments/" + opened.get("assessmentId").asText() + "/criteria/1.1";
            WebDriver writer = open(stack, path, "writer-" + code, code);
            WebDriver reader = open(stack, path, "reader-" + code, code);
            instrumentWriter(writer);
            instrumentReader(reader);
            System.out.printf(Locale.ROOT, "browser save bench: stack and two Chromium windows ready in %.1f s%n",
                              (System.nanoTime() - started) / 1e9);

            List<Double> fromSent = new ArrayList<>();
            List<Double> fromAcknowledged = new ArrayList<>();
            for (int i = 0; i < saves + 3; i++) { // the first three warm both pages up and are not counted
                String text = "รอบที่ " + i + ": ผู้บริหารทบทวนผลการดำเนินงานร่วมกับ ๒๖ อำเภอ ทุกไตรมาส";
                js(reader).executeScript("window.__bench.marker = arguments[0]; window.__bench.seen = null;", text);
                js(writer).executeScript("window.__bench.sent = null; window.__bench.acknowledged = null;"
                                         + "const f = document.querySelector(\"[data-testid='" + FIELD + "']\");"
                                         + "f.value = arguments[0]; f.dispatchEvent(new Event('input', {bubbles: true}));",
                                         text);
                Map<?, ?> writerTimes = until(writer, "window.__bench.sent && window.__bench.acknowledged"
                                                      + " ? window.__bench : null");
                Map<?, ?> readerTimes = until(reader, "window.__bench.seen ? window.__bench : null");
                double seen = number(readerTimes.get("seen"));
                if (i >= 3) {
                    fromSent.add(seen - number(writerTimes.get("sent")));
                    fromAcknowledged.add(seen - number(writerTimes.get("acknowledged")));
                }
            }
            double sentP50 = QueryBench.percentile(fromSent, 50);
            double sentP95 = QueryBench.percentile(fromSent, 95);
            double ackP50 = QueryBench.percentile(fromAcknowledged, 50);
            double ackP95 = QueryBench.percentile(fromAcknowledged, 95);
            System.out.printf(Locale.ROOT, "browser save → second browser shows it (%d saves): from the PUT leaving "
                                           + "window 1: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", saves, sentP50, sentP95,
                              fromSent.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
            System.out.printf(Locale.ROOT, "browser save → second browser shows it (%d saves): from window 1 showing "
                                           + "'saved': p50 %.1f ms, p95 %.1f ms (negative: window 2 had it first)%n",
                              saves, ackP50, ackP95);
            if (alone) { // within the full run, the run's own RESULT line carries browser_p95_ms
                System.out.printf(Locale.ROOT, "RESULT server=%s browser_saves=%d browser_save_to_seen_p50_ms=%.1f "
                                               + "browser_save_to_seen_p95_ms=%.1f browser_saved_to_seen_p50_ms=%.1f "
                                               + "browser_saved_to_seen_p95_ms=%.1f%n",
                                  MongoTestServer.serverName(), saves, sentP50, sentP95, ackP50, ackP95);
            }
            return sentP95;
        }
    }

    private static WebDriver open(BrowserStack stack, String path, String user, String code) {
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/sign-in?next=" + path));
        Screens.signIn(browser, user, "ผู้เขียน " + user, code, "EDITOR");
        Screens.awaitPath(browser, path);
        Screens.await(browser, FIELD);
        return browser;
    }

    /** Window 1: the moment its save leaves (fetch PUT of the field) and the moment the page says it is saved. */
    private static void instrumentWriter(WebDriver writer) {
        js(writer).executeScript("""
                window.__bench = { sent: null, acknowledged: null };
                const now = () => performance.timeOrigin + performance.now();
                const realFetch = window.fetch;
                window.fetch = (url, init) => {
                  if (init && init.method === 'PUT' && String(url).endsWith('/levels/basic/approach')) {
                    window.__bench.sent = now();
                  }
                  return realFetch(url, init);
                };
                const state = document.querySelector("[data-testid='save-state']");
                new MutationObserver(() => {
                  if (window.__bench.sent && !window.__bench.acknowledged && state.dataset.state === 'saved'
                      && state.dataset.field.endsWith('basic/approach')) {
                    window.__bench.acknowledged = now();
                  }
                }).observe(state, { attributes: true, attributeFilter: ['data-state', 'data-field'] });
                """);
    }

    /** Window 2: the moment the text is put into its editor, whoever puts it there (the live update or Alpine). */
    private static void instrumentReader(WebDriver reader) {
        js(reader).executeScript("""
                window.__bench = { marker: null, seen: null };
                const field = document.querySelector("[data-testid='%s']");
                const value = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
                Object.defineProperty(field, 'value', {
                  configurable: true,
                  get() { return value.get.call(this); },
                  set(text) {
                    value.set.call(this, text);
                    if (window.__bench.marker !== null && !window.__bench.seen && text === window.__bench.marker) {
                      window.__bench.seen = performance.timeOrigin + performance.now();
                    }
                  },
                });
                """.formatted(FIELD));
    }

    private static Map<?, ?> until(WebDriver browser, String script) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> (Map<?, ?>) js(d).executeScript("return " + script + ";"));
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
