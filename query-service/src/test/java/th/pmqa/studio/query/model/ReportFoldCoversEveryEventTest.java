package th.pmqa.studio.query.model;

import th.pmqa.studio.query.view.ReportJson;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.report.AssessmentEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java 17 has no exhaustive switch over a sealed hierarchy, so the fold's chain of {@code instanceof} is checked here:
 * a new event type fails this test until {@link OneOfEachEvent} has one of it, and then until the fold handles it
 * (an unhandled event throws "unknown event"), and until {@link ChangeDescriber} describes it.
 */
class ReportFoldCoversEveryEventTest {

    /** Every concrete event type, found through the sealed hierarchy so that a new one cannot be missed. */
    static List<Class<?>> concreteTypes(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                found.addAll(concreteTypes(permitted));
            }
        } else {
            found.add(type);
        }
        return found;
    }

    @Test
    void theSampleHistoryHasAnEventOfEveryTypeOfTheSealedHierarchy() {
        Set<Class<?>> sampled = OneOfEachEvent.history().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(concreteTypes(AssessmentEvent.class)).hasSizeGreaterThanOrEqualTo(29).allSatisfy(type ->
                assertThat(sampled).as("OneOfEachEvent has a " + type.getSimpleName()).contains(type));
    }

    @Test
    void theFoldHandlesEveryEventTypeOnItsOwn() {
        ReportState state = new ReportState();
        long position = 0;
        for (AssessmentEvent event : OneOfEachEvent.history()) {
            ReportFold.evolve(state, event, ++position);

            assertThat(state.position).as(event.getClass().getSimpleName()).isEqualTo(position);
        }
        assertThat(state.eventCount).isEqualTo(OneOfEachEvent.history().size());
    }

    @Test
    void theDescriberSaysWhatEveryEventTypeChangedAndLeavesTheStateTheFoldAloneLeaves() {
        ReportState described = new ReportState();
        ReportState folded = new ReportState();
        long position = 0;
        for (AssessmentEvent event : OneOfEachEvent.history()) {
            ReportChange change = ChangeDescriber.fold(described, event, ++position);
            ReportFold.evolve(folded, event, position);

            assertThat(change.position()).isEqualTo(position);
            assertThat(change.section()).as(event.getClass().getSimpleName()).isNotBlank();
            assertThat(change.kind()).as(event.getClass().getSimpleName()).isNotBlank();
            assertThat(change.summary()).as(event.getClass().getSimpleName()).isNotBlank();
            assertThat(ReportJson.write(described)).as(event.getClass().getSimpleName())
                                                   .isEqualTo(ReportJson.write(folded));
        }
    }

    @Test
    void everyChangeIsFiledUnderThePlaceTheFoldSaysTheEventChanged() {
        ReportState state = new ReportState();
        long position = 0;
        for (AssessmentEvent event : OneOfEachEvent.history()) {
            ReportChange change = ChangeDescriber.fold(state, event, ++position);

            assertThat(change.section()).as(event.getClass().getSimpleName())
                                        .isEqualTo(ReportFold.placeOf(state, event).format());
        }
    }
}
