package th.pmqa.studio.command.evidence;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text fields of an evidence upload (title, place, resultId) are strict UTF-8: malformed bytes, or a part that
 * declares another charset, are a 400 problem naming the field, with no event, GridFS file or chunk left behind
 * (Spring alone would store U+FFFD in their place). Same set-up as {@link EvidenceUploadHttpTest}.
 */
class EvidenceFormFieldsUtf8Test extends EvidenceUploadHttpTest {

    record Field(String what, String name, byte[] bytes, String contentType) {
    }

    static byte[] bytes(String before, int[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static List<Field> malformed() {
        String utf8 = "text/plain;charset=UTF-8";
        return List.of(
                new Field("a title with a byte that is never UTF-8", "title", bytes("ราย", new int[]{0xFF}, "งาน"), utf8),
                new Field("a title with a Thai letter cut short", "title", bytes("แผน", new int[]{0xE0, 0xB8}, ""), utf8),
                new Field("a title with an overlong slash", "title", bytes("a", new int[]{0xC0, 0xAF}, "b"), utf8),
                new Field("a title with an encoded surrogate", "title", bytes("", new int[]{0xED, 0xA0, 0x80}, ""), utf8),
                new Field("a title declared as ISO-8859-1", "title", bytes("caf", new int[]{0xE9}, ""),
                          "text/plain;charset=ISO-8859-1"),
                new Field("a place with a lone continuation byte", "place",
                          bytes("criteria/1.1/basic/approach", new int[]{0x80}, ""), utf8),
                new Field("a resultId with a byte that is never UTF-8", "resultId",
                          bytes("8b7c2c1e-6a43-4c55-a3c1-0f2b7f0e9d1", new int[]{0xFE}, ""), utf8));
    }

    @TestFactory
    List<DynamicTest> aFormFieldThatIsNotWellFormedUtf8IsAProblemNamingItAndNothingIsStored() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Field field : malformed()) {
            tests.add(DynamicTest.dynamicTest(field.what(), () -> {
                anOpenAssessment();
                long files = count("files");
                long chunks = count("chunks");
                long events = events();
                MultipartBodyBuilder form = form(PDF, "a.pdf", "application/pdf", f -> f.part(field.name(),
                        field.bytes()).contentType(MediaType.parseMediaType(field.contentType())));

                upload(form).expectStatus().isBadRequest()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-input")
                        .jsonPath("$.field").isEqualTo(field.name());

                assertThat(count("files")).as("evidence.files").isEqualTo(files);
                assertThat(count("chunks")).as("evidence.chunks").isEqualTo(chunks);
                assertThat(events()).as("events").isEqualTo(events);
            }));
        }
        return tests;
    }

    @Test
    void aThaiTitleSentAsUtf8BytesIsStoredByteExact() {
        String title = "แผนพัฒนาจังหวัด ๒๕๖๗ 👩‍💼";
        upload(form(PDF, "b.pdf", "application/pdf", f -> f.part("title", title.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))))
                .expectStatus().isCreated();

        assertThat(((th.pmqa.studio.report.EvidenceUploadedEvent) lastPayload()).title()).isEqualTo(title);
    }
}
