package th.pmqa.studio.command.report.commands;

import th.pmqa.studio.report.KeyProcessId;

import java.util.List;

/**
 * The OP items, indicator groups and (category 6 only) key processes a sub-criterion refers to, as stored after a
 * link command.
 */
public record CriterionLinks(List<Integer> profileItems, List<String> indicatorGroups,
                             List<KeyProcessId> keyProcesses) {

    public CriterionLinks {
        profileItems = List.copyOf(profileItems);
        indicatorGroups = List.copyOf(indicatorGroups);
        keyProcesses = keyProcesses == null ? List.of() : List.copyOf(keyProcesses);
    }

    /** Links without key processes (a sub-criterion outside category 6, or one that links none). */
    public CriterionLinks(List<Integer> profileItems, List<String> indicatorGroups) {
        this(profileItems, indicatorGroups, List.of());
    }
}
