package th.pmqa.studio.query.view;

/** An indicator group of category 7 a sub-criterion links to, with its title ("" for one the catalog lacks). */
public record LinkedIndicatorGroupView(String id, String title) {
}
