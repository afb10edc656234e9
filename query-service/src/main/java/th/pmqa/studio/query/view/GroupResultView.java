package th.pmqa.studio.query.view;

/** A result listed under its indicator group in category 7, with the sub-criterion it is attached to. */
public record GroupResultView(String criterionId, ResultView result) {
}
