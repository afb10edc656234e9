package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentEventsTest {

    /** Every concrete event of the assessment, found through the sealed hierarchy, so a new one cannot be missed. */
    static List<Class<?>> events(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                found.addAll(events(permitted));
            }
        } else {
            found.add(type);
        }
        return found;
    }

    @Test
    void everyEventOfTheAssessmentIsARecordWithARevision() {
        List<Class<?>> events = events(AssessmentEvent.class);

        assertThat(events).contains(CidRowAddedEvent.class, CidRowEditedEvent.class, CidRowRemovedEvent.class,
                                    KeyProcessAddedEvent.class, KeyProcessEditedEvent.class,
                                    KeyProcessRemovedEvent.class, KeyProcessesLinkedEvent.class);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.isRecord()).as(event.getSimpleName()).isTrue();
            assertThat(event.getAnnotation(Revision.class)).as(event.getSimpleName() + " @Revision").isNotNull();
        });
    }

    @Test
    void theWorksheetRowsSayWhatTheApiCallsTheirFieldsAndReadThemBack() {
        CidRow row = new CidRow(CidKind.D, "ระบบฐานข้อมูล", null, "การเก็บข้อมูล", "ผู้บริหาร");
        assertThat(row.fields()).containsExactly(java.util.Map.entry("kind", "D"), java.util.Map.entry("data", "ระบบฐานข้อมูล"),
                                                 java.util.Map.entry("output", ""),
                                                 java.util.Map.entry("process", "การเก็บข้อมูล"),
                                                 java.util.Map.entry("need", "ผู้บริหาร"));
        assertThat(CidRow.of(row.fields())).isEqualTo(row);
        KeyProcess process = new KeyProcess("ชื่อ", null, "วัตถุประสงค์", "", "", "", "", ValueChainStage.DOWNSTREAM);
        assertThat(process.fields()).containsEntry("stage", "downstream").containsEntry("nationalStrategy", "");
        assertThat(KeyProcess.of(process.fields())).isEqualTo(process);
        assertThat(CidKind.fromCode("c")).isEmpty();
        assertThat(ValueChainStage.fromPath("UPSTREAM")).isEmpty();
        assertThat(ValueChainStage.MIDSTREAM.thai()).isEqualTo("กลางทาง");
    }
}
