package th.pmqa.studio.query.view;

/** An OP item a sub-criterion links to, with its title ("" for a number the catalog does not have). */
public record LinkedProfileItemView(int number, String title) {
}
