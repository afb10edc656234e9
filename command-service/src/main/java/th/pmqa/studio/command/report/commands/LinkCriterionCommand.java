package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.KeyProcessId;

import java.util.List;

/**
 * Sets the link lists of a sub-criterion at once, so that a bad later list does not store an earlier one; {@code null}
 * leaves a list as it is. {@code keyProcesses} are for sub-criteria of category 6 only.
 */
public record LinkCriterionCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                   List<Integer> profileItems, List<String> indicatorGroups,
                                   List<KeyProcessId> keyProcesses, Author author) {

    /** OP items and indicator groups only. */
    public LinkCriterionCommand(AssessmentId assessmentId, CriterionId criterion, List<Integer> profileItems,
                                List<String> indicatorGroups, Author author) {
        this(assessmentId, criterion, profileItems, indicatorGroups, null, author);
    }
}
