package th.pmqa.studio.query.http;

/**
 * Filters of a section's history. Numbers and instants arrive as text so that a bad one gets a problem naming
 * the parameter, not a binding error; the schemas say what is accepted.
 */
public record HistoryFilter(String page, String size, String author, String from, String to) {
}
