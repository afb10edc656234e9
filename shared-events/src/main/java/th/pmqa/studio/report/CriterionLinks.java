package th.pmqa.studio.report;

import java.util.List;

/** The OP items and indicator groups a sub-criterion refers to, as stored after a link command. */
public record CriterionLinks(List<Integer> profileItems, List<String> indicatorGroups) {
    public CriterionLinks {
        profileItems = List.copyOf(profileItems);
        indicatorGroups = List.copyOf(indicatorGroups);
    }
}
