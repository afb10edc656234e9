package th.pmqa.studio.query.view;

/** How much of a category is written: A-D-R parts drafted of all, sub-criteria rated of all. */
public record CategoryCompletenessView(int adrDrafted, int adrTotal, int criteria, int rated) {
}
