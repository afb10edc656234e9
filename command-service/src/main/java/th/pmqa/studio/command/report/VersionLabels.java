package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.command.report.commands.LabelVersionCommand;
import th.pmqa.studio.report.VersionLabeledEvent;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The names given to versions of the report, also of a submitted one ("ฉบับที่ส่ง"); each name once per assessment.
 * <p>
 * Unwrapped into the aggregate's snapshot ({@code labels}), the shape it had before this class.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class VersionLabels {

    static final int MAX_LABEL_LENGTH = 200;
    /** Labels are few and named by people; the bound keeps the list of named versions one screen long. */
    static final int MAX_LABELS = 1_000;

    private Set<String> labels = new HashSet<>();

    VersionLabeledEvent label(AssessmentId assessment, LabelVersionCommand command, Instant at) {
        String label = command.label();
        if (label == null || label.isBlank()) {
            throw new InvalidInputException("label", "label is required");
        }
        if (label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
            throw new InvalidInputException("label", "label is at most " + MAX_LABEL_LENGTH + " characters");
        }
        if (labels.size() >= MAX_LABELS) {
            throw new ConflictException("too-many-labels", "label", "An assessment names at most " + MAX_LABELS
                    + " versions");
        }
        if (labels.contains(label)) {
            throw new ConflictException("label-exists", "label",
                    "Assessment " + assessment + " already has a version labeled " + label);
        }
        return new VersionLabeledEvent(assessment, label, command.author(), at);
    }

    void on(VersionLabeledEvent event) {
        labels.add(event.label());
    }
}
