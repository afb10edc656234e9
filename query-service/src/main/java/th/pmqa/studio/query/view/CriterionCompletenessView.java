package th.pmqa.studio.query.view;

import java.util.List;

/**
 * How much of a sub-criterion is written: A-D-R parts drafted of all, and what is still missing, by name
 * ({@code links/profile}, {@code links/indicators}, {@code basic/approach} …, {@code summary}, {@code rating}).
 */
public record CriterionCompletenessView(int adrDrafted, int adrTotal, boolean complete, List<String> missing) {
}
