package th.pmqa.studio.query.http;

import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.view.ReportViewBuilder;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.IndicatorGroup;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * What the seed suggests a sub-criterion links to (the catalog's {@code suggestedLinks}: its OP items and the
 * indicator groups of its result dimensions), each with its title and whether this assessment links it already,
 * read from the report view. A suggestion only: linking stays the team's command
 * ({@code PUT …/criteria/{criterionId}/links} on the command side).
 */
@RestController
public class SuggestedLinksController {

    private final ReportViewStore views;

    public SuggestedLinksController(ReportViewStore views) {
        this.views = views;
    }

    @Schema(name = "SuggestedProfileItem")
    public record SuggestedProfileItem(@Schema(requiredMode = REQUIRED, minimum = "1") int number,
                                       @Schema(requiredMode = REQUIRED) String title,
                                       @Schema(requiredMode = REQUIRED, description = "whether the sub-criterion "
                                                                                      + "links this OP item already")
                                       boolean linked) {
    }

    @Schema(name = "SuggestedIndicatorGroup")
    public record SuggestedIndicatorGroup(@Schema(requiredMode = REQUIRED, example = "7.1.1") String id,
                                          @Schema(requiredMode = REQUIRED) String title,
                                          @Schema(requiredMode = REQUIRED, description = "whether the sub-criterion "
                                                                                         + "links this group already")
                                          boolean linked) {
    }

    @Schema(name = "CriterionSuggestedLinks", description = "the OP items and indicator groups the seed relates to a "
                                                   + "sub-criterion, in the seed's order; nothing is linked by this")
    public record SuggestedLinksView(@Schema(requiredMode = REQUIRED) String assessmentId,
                                     @Schema(requiredMode = REQUIRED) String criterionId,
                                     @Schema(requiredMode = REQUIRED) String catalogVersion,
                                     @Schema(requiredMode = REQUIRED) List<SuggestedProfileItem> profileItems,
                                     @Schema(requiredMode = REQUIRED) List<SuggestedIndicatorGroup> indicatorGroups) {
    }

    @GetMapping("/api/assessments/{id}/criteria/{criterionId}/links/suggested")
    public Mono<SuggestedLinksView> suggested(@PathVariable String id, @PathVariable String criterionId) {
        return Blocking.call(() -> {
            ReportState state = views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
            Catalog catalog = ReportViewBuilder.catalogOf(state);
            Criterion criterion = catalog.criterion(criterionId).orElseThrow(
                    () -> Problems.notFound("criterionId", "no sub-criterion " + criterionId + " in " + catalog.version()));
            ReportState.CriterionSection section = state.criteria.getOrDefault(criterion.id(),
                                                                               new ReportState.CriterionSection());
            List<SuggestedProfileItem> items = criterion.suggestedLinks().profileItems().stream()
                    .map(n -> new SuggestedProfileItem(n, catalog.profileItem(n).map(ProfileItem::title).orElse(""),
                                                       section.profileItems.contains(n)))
                    .toList();
            List<SuggestedIndicatorGroup> groups = criterion.suggestedLinks().indicatorGroups().stream()
                    .map(g -> new SuggestedIndicatorGroup(g, catalog.indicatorGroup(g).map(IndicatorGroup::title).orElse(""),
                                                          section.indicatorGroups.contains(g)))
                    .toList();
            return new SuggestedLinksView(state.assessmentId, criterion.id(), catalog.version(), items, groups);
        });
    }
}
