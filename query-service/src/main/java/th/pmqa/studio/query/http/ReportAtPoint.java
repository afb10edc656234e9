package th.pmqa.studio.query.http;

import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import org.springframework.stereotype.Component;
import th.pmqa.studio.query.projection.TimeTravel;
import th.pmqa.studio.query.web.Problems;

import java.time.Instant;
import java.util.Optional;

/**
 * The report state a request names: the latest, or a past one by {@code label}, {@code asOf} (an instant) or
 * {@code position}; at most one of them. Shared by the report in every rendering (JSON, HTML, Word, PDF), so they
 * all resolve a past state, and refuse a bad one, the same way.
 */
@Component
public class ReportAtPoint {

    private final ReportViewStore views;
    private final TimeTravel timeTravel;

    public ReportAtPoint(ReportViewStore views, TimeTravel timeTravel) {
        this.views = views;
        this.timeTravel = timeTravel;
    }

    public ReportState state(String id, String asOf, String position, String label) {
        if (label != null) {
            if (asOf != null || position != null) {
                throw Problems.invalid("label", "give one of label, asOf or position");
            }
            return timeTravel.atPosition(id, labelPosition(id, label))
                             .orElseThrow(() -> Problems.notFound("label", "no version labeled " + label));
        }
        if (asOf != null && position != null) {
            throw Problems.invalid("asOf", "give asOf or position, not both");
        }
        if (asOf != null || position != null) {
            Optional<ReportState> past = asOf != null ? atInstant(id, "asOf", asOf)
                    : timeTravel.atPosition(id, Problems.position("position", position));
            return past.orElseThrow(() -> {
                if (!views.exists(id)) {
                    return Problems.notFound("id", "no assessment " + id);
                }
                return Problems.notFound(asOf != null ? "asOf" : "position",
                                         "assessment " + id + " did not exist yet at " + (asOf != null ? asOf : position));
            });
        }
        return views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
    }

    /** The global position a label names, from the assessment's current view. */
    public long labelPosition(String id, String label) {
        ReportState current = views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
        return current.labels.stream().filter(l -> l.label().equals(label)).findFirst()
                             .orElseThrow(() -> Problems.notFound("label", "no version labeled " + label))
                             .position();
    }

    public Optional<ReportState> atInstant(String id, String field, String value) {
        Instant instant = Problems.instant(field, value);
        if (instant == null) {
            throw Problems.invalid(field, field + " is required");
        }
        return timeTravel.atInstant(id, instant);
    }
}
