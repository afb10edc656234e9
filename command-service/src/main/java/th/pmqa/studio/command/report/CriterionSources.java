package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.ProfileItemsLinkedEvent;
import th.pmqa.studio.report.ResultIndicatorsLinkedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each sub-criterion draws on: the OP items and the indicator groups of category 7 it links to. Lists come
 * checked against the catalog ({@link CatalogRules}); a link that repeats what is stored stores nothing. Key-process
 * links are {@link KeyProcesses}'.
 * <p>
 * Unwrapped into the aggregate's snapshot ({@code profileLinks}, {@code indicatorLinks}), the shape it had before this
 * class.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class CriterionSources {

    /** Sub-criterion id → OP items, in the order given. */
    private Map<String, List<Integer>> profileLinks = new HashMap<>();
    /** Sub-criterion id → indicator groups, in the order given. */
    private Map<String, List<String>> indicatorLinks = new HashMap<>();

    Optional<ProfileItemsLinkedEvent> linkProfileItems(AssessmentId assessment, CriterionId criterion,
                                                       List<Integer> items, Author author, Instant at) {
        return items.equals(profileItemsOf(criterion)) ? Optional.empty()
                : Optional.of(new ProfileItemsLinkedEvent(assessment, criterion, items, author, at));
    }

    Optional<ResultIndicatorsLinkedEvent> linkIndicatorGroups(AssessmentId assessment, CriterionId criterion,
                                                              List<String> groups, Author author, Instant at) {
        return groups.equals(indicatorGroupsOf(criterion)) ? Optional.empty()
                : Optional.of(new ResultIndicatorsLinkedEvent(assessment, criterion, groups, author, at));
    }

    List<Integer> profileItemsOf(CriterionId criterion) {
        return profileLinks.getOrDefault(criterion.value(), List.of());
    }

    List<String> indicatorGroupsOf(CriterionId criterion) {
        return indicatorLinks.getOrDefault(criterion.value(), List.of());
    }

    void on(ProfileItemsLinkedEvent event) {
        profileLinks.put(event.criterion().value(), new ArrayList<>(event.profileItems()));
    }

    void on(ResultIndicatorsLinkedEvent event) {
        indicatorLinks.put(event.criterion().value(), new ArrayList<>(event.indicatorGroups()));
    }
}
