package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.report.commands.ApproveSectionCommand;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.command.report.commands.MarkSectionReadyCommand;
import th.pmqa.studio.command.report.commands.ReopenSectionCommand;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SectionReopenedEvent;
import th.pmqa.studio.report.SectionStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review workflow of the report's sections: drafting, ready for review, approved, and back. The aggregate checks
 * that the report is open, the section exists and the window allows it; this decides the transition.
 * <p>
 * Unwrapped into the aggregate's snapshot ({@code workflow}), the shape it had before this class.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class SectionReviews {

    /** Section → its review status; absent means drafting. */
    private Map<String, SectionStatus> workflow = new HashMap<>();

    SectionStatus statusOf(Section section) {
        return workflow.getOrDefault(section.value(), SectionStatus.DRAFTING);
    }

    /** An approved section refuses edits of its content. */
    void requireNotApproved(Section section) {
        if (statusOf(section) == SectionStatus.APPROVED) {
            throw new ConflictException("section-approved", "section",
                    "Section " + section + " is approved and refuses edits until a lead reopens it");
        }
    }

    /** Of {@code sections}, those not approved yet, in their order. */
    List<Section> unapproved(List<Section> sections) {
        return sections.stream().filter(section -> statusOf(section) != SectionStatus.APPROVED).toList();
    }

    SectionMarkedReadyEvent markReady(AssessmentId assessment, MarkSectionReadyCommand command, Instant at) {
        requireStatus(command.section(), SectionStatus.DRAFTING, "section-not-drafting",
                      "only a section in drafting can be marked ready");
        return new SectionMarkedReadyEvent(assessment, command.section(), command.author(), at);
    }

    SectionApprovedEvent approve(AssessmentId assessment, ApproveSectionCommand command, Instant at) {
        requireStatus(command.section(), SectionStatus.READY_FOR_REVIEW, "section-not-ready",
                      "only a section ready for review can be approved");
        return new SectionApprovedEvent(assessment, command.section(), command.author(), at);
    }

    SectionReopenedEvent reopen(AssessmentId assessment, ReopenSectionCommand command, Instant at) {
        if (statusOf(command.section()) == SectionStatus.DRAFTING) {
            throw new ConflictException("section-drafting", "section",
                    "Section " + command.section() + " is in drafting already");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "reason for reopening the section is required");
        }
        return new SectionReopenedEvent(assessment, command.section(), command.reason(), command.author(), at);
    }

    /** A workflow step from {@code wanted} only: otherwise a conflict saying where the section is. */
    private void requireStatus(Section section, SectionStatus wanted, String type, String only) {
        SectionStatus current = statusOf(section);
        if (current != wanted) {
            throw new ConflictException(type, "section", "Section " + section + " is " + current + "; " + only);
        }
    }

    void on(SectionMarkedReadyEvent event) {
        workflow.put(event.section().value(), SectionStatus.READY_FOR_REVIEW);
    }

    void on(SectionApprovedEvent event) {
        workflow.put(event.section().value(), SectionStatus.APPROVED);
    }

    void on(SectionReopenedEvent event) {
        workflow.remove(event.section().value());
    }
}
