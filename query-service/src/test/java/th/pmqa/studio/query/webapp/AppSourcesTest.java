package th.pmqa.studio.query.webapp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app puts text on screen only as text: no {@code x-html}, no markup assigned from data, no inline script or
 * style the page's policy would block anyway. A grep over the app's own sources (not the libraries).
 */
class AppSourcesTest {

    private static final Path APP = Path.of("src/main/resources/static/app");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "x-html|innerHTML\\s*[+]?=|outerHTML\\s*[+]?=|insertAdjacentHTML|document\\.write|\\beval\\(|new Function"
            + "|<script(?![^>]*\\bsrc=)|\\sstyle=\"|\\son[a-z]+=\"");

    @Test
    void noSourceOfTheAppWritesMarkupFromDataOrCarriesInlineScriptOrStyle() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(APP)) {
            offending = files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                    .flatMap(f -> lines(f).stream().filter(l -> FORBIDDEN.matcher(l).find()).map(l -> f + ": " + l.trim()))
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theGrepFindsWhatItLooksFor() {
        assertThat(List.of("<div x-html=\"row.text\">", "el.innerHTML = text;", "<button onclick=\"go()\">",
                           "<script>alert(1)</script>", "<p style=\"color:red\">"))
                .allMatch(line -> FORBIDDEN.matcher(line).find());
        assertThat(List.of("<script type=\"module\" src=\"/app/js/main.js\"></script>", "outlet.replaceChildren(...nodes);"))
                .noneMatch(line -> FORBIDDEN.matcher(line).find());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
