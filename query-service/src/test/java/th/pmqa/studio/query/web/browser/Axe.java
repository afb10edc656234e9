package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (the WebJar {@code org.webjars.npm:axe-core}, test scope) run inside the page as it is now. The script
 * is injected by the driver, not served by the app, so the app's policy stays as it is.
 */
public final class Axe {

    private static final String SCRIPT = load("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Axe() {
    }

    /** The serious and critical violations on the page, one line each: rule, impact, where. Empty when none. */
    public static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(SCRIPT);
        Object answer = page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree((String) answer)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> where = new ArrayList<>();
                    violation.path("nodes").forEach(n -> where.add(n.path("target").toString()));
                    serious.add(violation.path("id").asText() + " (" + impact + "): " + violation.path("help").asText()
                                + " at " + where);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serious;
    }

    private static String load(String resource) {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
