package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.OneOfEachEvent;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import th.pmqa.studio.report.AssessmentEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's JSON and HTML, pinned byte for byte in files under {@code src/test/resources/golden/report/}, as the
 * map-building renderer wrote them before the report became typed records: the typed view must write exactly the
 * same. Each state is read back from its stored JSON first, as the endpoints read it.
 * <ul>
 *     <li>{@code <name>.json}: GET /report as Spring's ObjectMapper writes it (indented here, so a difference reads
 *     as one; indentation adds whitespace between the same tokens, so equal files mean equal answers);</li>
 *     <li>{@code <name>.sections.json}: the content of each section a live update carries, the same way;</li>
 *     <li>{@code <name>.stored.json}, {@code <name>.sections.stored.json}: the same through {@link ReportJson} (the
 *     stream's first frame, the change log's section content), compared as JSON values: same members, values and
 *     nulls; the maps of old were written with sorted keys there, records write their members in their order;</li>
 *     <li>{@code <name>.html}: the HTML report.</li>
 * </ul>
 * Maps built with {@code Map.of} iterate in an order salted per JVM, so that part of the old answer had no fixed
 * order: those maps were pinned with sorted keys, the order the records now declare. Re-record (only when the report
 * is meant to change) with {@code -Dgolden.record=true}.
 */
class ReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/report");
    private static final boolean RECORD = Boolean.getBoolean("golden.record");
    private static final ObjectMapper SPRING = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .featuresToEnable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> PLACES = List.of("assessment", "profile", "profile/1", "profile/2",
            "profile/questions/1", "profile/questions/6", "criteria/1.1", "criteria/2.1", "criteria/6.1",
            "criteria/6.2", "criteria/9.9");

    static Stream<Object[]> reports() {
        return Stream.of(new Object[] {"opened", (Supplier<List<AssessmentEvent>>) RichReports::opened},
                         new Object[] {"everything", (Supplier<List<AssessmentEvent>>) RichReports::everything},
                         new Object[] {"every-event-type", (Supplier<List<AssessmentEvent>>) OneOfEachEvent::history},
                         new Object[] {"hostile", (Supplier<List<AssessmentEvent>>) RichReports::hostile});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void theReportWritesTheSameJsonAndHtmlAsTheGoldenFiles(String name, Supplier<List<AssessmentEvent>> events)
            throws IOException {
        ReportState state = ReportJson.copy(ReportFold.replay(events.get()));
        Object report = report(state);
        Map<String, Object> sections = new LinkedHashMap<>();
        PLACES.forEach(place -> sections.put(place, section(state, place)));

        exactly(name + ".json", SPRING.writeValueAsString(pinned(report)) + "\n");
        exactly(name + ".sections.json", SPRING.writeValueAsString(pinned(sections)) + "\n");
        sameValue(name + ".stored.json", ReportJson.write(report));
        sameValue(name + ".sections.stored.json", ReportJson.write(sections));
        exactly(name + ".html", html(state));
    }

    private static Object report(ReportState state) {
        return ReportViewBuilder.build(state);
    }

    private static Object section(ReportState state, String place) {
        return ReportViewBuilder.section(state, place);
    }

    private static String html(ReportState state) {
        return ReportHtml.render(ReportViewBuilder.build(state));
    }

    private static void exactly(String file, String actual) throws IOException {
        if (RECORD) {
            Files.writeString(GOLDEN.resolve(file), actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as(file).isEqualTo(Files.readString(GOLDEN.resolve(file), StandardCharsets.UTF_8));
    }

    private static void sameValue(String file, String actual) throws IOException {
        if (RECORD) {
            Files.writeString(GOLDEN.resolve(file), actual + "\n", StandardCharsets.UTF_8);
        }
        JsonNode expected = ReportJson.MAPPER.readTree(Files.readString(GOLDEN.resolve(file), StandardCharsets.UTF_8));
        assertThat(ReportJson.MAPPER.readTree(actual)).as(file).isEqualTo(expected);
    }

    /** Maps of no fixed order ({@code Map.of}) with sorted keys; ordered maps, lists and records as they are. */
    private static Object pinned(Object value) {
        if (value instanceof Map<?, ?> map) {
            boolean ordered = map instanceof LinkedHashMap || map instanceof java.util.SortedMap;
            Map<Object, Object> copy = ordered ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((k, v) -> copy.put(k, pinned(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReportGoldenTest::pinned).toList();
        }
        return value;
    }
}
