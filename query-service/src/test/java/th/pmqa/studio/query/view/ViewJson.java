package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportState;
import java.util.Map;

/**
 * The typed report as its JSON reads, for tests that check members by name: maps, lists, text, numbers and
 * booleans, exactly what a client parses (instants as ISO text).
 */
final class ViewJson {

    private ViewJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object view) {
        return view == null ? null : ReportJson.MAPPER.convertValue(view, Map.class);
    }

    static Map<String, Object> report(ReportState state) {
        return map(ReportViewBuilder.build(state));
    }

    /** A text as the report writes it. */
    static Map<String, Object> text(String text, long revision, th.pmqa.studio.report.Author author,
                                    java.time.Instant at) {
        return map(ReportViewBuilder.text(new ReportState.Text(text, revision, author, at)));
    }

    /** A section's live content as JSON members, or null for a section the catalog does not have. */
    static Map<String, Object> section(ReportState state, String section) {
        return map(ReportViewBuilder.section(state, section));
    }
}
