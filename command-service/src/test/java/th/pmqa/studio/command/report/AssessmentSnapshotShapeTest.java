package th.pmqa.studio.command.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.ApproachDraftedEvent;
import th.pmqa.studio.report.CriterionSummaryWrittenEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.report.LevelRatedEvent;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileItemsLinkedEvent;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultIndicatorsLinkedEvent;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SubmissionWindowExtendedEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.report.VersionLabeledEvent;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.command.report.AssessmentKeyProcessesTest.SURAT;
import static th.pmqa.studio.command.report.AssessmentTest.C11;
import static th.pmqa.studio.command.report.AssessmentTest.ID;
import static th.pmqa.studio.command.report.AssessmentTest.SOMCHAI;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;
import static th.pmqa.studio.command.report.AssessmentTest.T0;
import static th.pmqa.studio.command.report.AssessmentTest.T1;
import static th.pmqa.studio.command.report.AssessmentTest.THAI;
import static th.pmqa.studio.command.report.AssessmentTest.opened;

/**
 * Snapshots stored by a running command node must stay readable when the aggregate's state is reorganized into the
 * classes it owns: the JSON shape of {@code assessment-snapshot-v1.json} (written by the aggregate before issue 15
 * split it) is the contract.
 */
class AssessmentSnapshotShapeTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

    /** One event of every kind that leaves state in the aggregate. */
    static Assessment everyKindOfState() {
        Assessment assessment = new Assessment();
        assessment.on(opened());
        assessment.on(new ProfileItemDraftedEvent(ID, 7, "แรก", 1, SOMSRI, T0, null));
        assessment.on(new ProfileItemDraftedEvent(ID, 7, THAI, 2, SOMCHAI, T1, null));
        assessment.on(new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "แนวทาง", 1, SOMSRI, T0, null));
        assessment.on(new CriterionSummaryWrittenEvent(ID, C11, "สรุป", 1, SOMSRI, T0, null));
        assessment.on(new ProfileItemsLinkedEvent(ID, C11, List.of(3, 1), SOMSRI, T0));
        assessment.on(new ResultIndicatorsLinkedEvent(ID, C11, List.of("7.1.1"), SOMSRI, T0));
        assessment.on(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, new th.pmqa.studio.report.ResultId("8b7c2c1e-6a43-4c55-a3c1-0f2b7f0e9d11"), "7.1.1",
                "ร้อยละความสำเร็จ", "ร้อยละ", new BigDecimal("80"), Map.of(2566, new BigDecimal("75.5")),
                List.of("รายงานประจำปี"), SOMSRI, T0, null, null));
        assessment.on(new LevelRatedEvent(ID, C11, LevelKind.BASIC, 10, "เหตุผล", SOMSRI, T0));
        assessment.on(new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMSRI, T0));
        assessment.on(new SectionApprovedEvent(ID, Section.PROFILE, SOMCHAI, T0));
        assessment.on(new SectionMarkedReadyEvent(ID, Section.of(C11), SOMSRI, T0));
        assessment.on(new SubmissionWindowSetEvent(ID, T0, Instant.parse("2024-09-30T17:00:00Z"), SOMCHAI, T0));
        assessment.on(new SubmissionWindowExtendedEvent(ID, Instant.parse("2024-10-15T17:00:00Z"),
                Instant.parse("2024-09-30T17:00:00Z"), "น้ำท่วม", SOMCHAI, T1));
        assessment.on(new VersionLabeledEvent(ID, "ฉบับร่าง ๑", SOMSRI, T1));
        assessment.on(AssessmentKeyProcessesTest.added(AssessmentKeyProcessesTest.TOURISM, SURAT));
        assessment.on(new KeyProcessesLinkedEvent(ID, new th.pmqa.studio.report.CriterionId("6.1"),
                List.of(AssessmentKeyProcessesTest.TOURISM), SOMSRI, T1));
        return assessment;
    }

    @Test
    void theAggregateWritesTheSnapshotShapeItAlwaysWrote() throws Exception {
        JsonNode written = mapper.readTree(serializer.serialize(everyKindOfState(), String.class).getData());

        assertThat(written).isEqualTo(storedShape());
    }

    @Test
    void aSnapshotWrittenBeforeTheSplitRestoresEveryPartOfTheState() throws Exception {
        SerializedObject<String> stored = new SimpleSerializedObject<>(mapper.writeValueAsString(storedShape()),
                String.class, new SimpleSerializedType(Assessment.class.getName(), null));
        Assessment restored = serializer.deserialize(stored);

        assertThat(mapper.readTree(serializer.serialize(restored, String.class).getData())).isEqualTo(storedShape());
        assertThat(restored.storedText(Assessment.profileKey(7)).text()).isEqualTo(THAI);
    }

    private JsonNode storedShape() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("assessment-snapshot-v1.json")) {
            return mapper.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
