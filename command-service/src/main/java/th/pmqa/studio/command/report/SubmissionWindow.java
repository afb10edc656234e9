package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.SubmissionWindowException;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.command.report.commands.ExtendSubmissionWindowCommand;
import th.pmqa.studio.command.report.commands.SetSubmissionWindowCommand;
import th.pmqa.studio.report.SubmissionWindowExtendedEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;

import java.time.Instant;

/**
 * When the report may be edited and submitted; no window set means always. A facilitator sets it and may extend it.
 * <p>
 * Unwrapped into the aggregate's snapshot ({@code windowOpensAt}, {@code windowClosesAt}), the shape it had before
 * this class.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class SubmissionWindow {

    private Instant windowOpensAt;
    private Instant windowClosesAt;

    /** Refuses an edit or a submission outside the window. */
    void requireOpen(AssessmentId assessment, Instant at) {
        if (windowOpensAt != null && at.isBefore(windowOpensAt)) {
            throw new SubmissionWindowException("submission-window-not-open",
                    "The submission window of " + assessment + " opens at " + windowOpensAt, windowOpensAt, windowClosesAt);
        }
        if (windowClosesAt != null && !at.isBefore(windowClosesAt)) {
            throw new SubmissionWindowException("submission-window-closed",
                    "The submission window of " + assessment + " closed at " + windowClosesAt
                    + "; a facilitator can extend it", windowOpensAt, windowClosesAt);
        }
    }

    SubmissionWindowSetEvent set(AssessmentId assessment, SetSubmissionWindowCommand command, Instant at) {
        if (command.opensAt() == null) {
            throw new InvalidInputException("opensAt", "opensAt is required");
        }
        if (command.closesAt() == null) {
            throw new InvalidInputException("closesAt", "closesAt is required");
        }
        if (!command.closesAt().isAfter(command.opensAt())) {
            throw new InvalidInputException("closesAt", "closesAt must be after opensAt");
        }
        return new SubmissionWindowSetEvent(assessment, command.opensAt(), command.closesAt(), command.author(), at);
    }

    SubmissionWindowExtendedEvent extend(AssessmentId assessment, ExtendSubmissionWindowCommand command, Instant at) {
        if (windowClosesAt == null) {
            throw new ConflictException("no-submission-window", "closesAt",
                    "Assessment " + assessment + " has no submission window to extend; set one first");
        }
        if (command.closesAt() == null || !command.closesAt().isAfter(windowClosesAt)) {
            throw new InvalidInputException("closesAt", "closesAt must be later than the current close, " + windowClosesAt);
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "reason for extending the window is required");
        }
        return new SubmissionWindowExtendedEvent(assessment, command.closesAt(), windowClosesAt, command.reason(),
                command.author(), at);
    }

    void on(SubmissionWindowSetEvent event) {
        windowOpensAt = event.opensAt();
        windowClosesAt = event.closesAt();
    }

    void on(SubmissionWindowExtendedEvent event) {
        windowClosesAt = event.closesAt();
    }
}
