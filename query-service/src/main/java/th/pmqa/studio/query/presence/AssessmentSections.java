package th.pmqa.studio.query.presence;

import org.springframework.stereotype.Component;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.query.view.ReportViewBuilder;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.web.Problems;
import th.pmqa.studio.report.Place;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sections a presence heartbeat may name: {@code assessment}, {@code criteria/{id}} of a sub-criterion,
 * {@code profile/{item}} of an OP item and {@code profile/questions/{number}} of an OP question (its answer) of the
 * assessment's catalog. An assessment's catalog version never changes
 * once opened, so it is looked up once per node, not on every heartbeat.
 */
@Component
public class AssessmentSections {

    private static final int MAX_CACHED = 10_000;

    private final ReportViewStore views;
    private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();

    public AssessmentSections(ReportViewStore views) {
        this.views = views;
    }

    /** The assessment's catalog; 404 if no such assessment (yet) exists. Blocking. */
    public Catalog require(String assessmentId) {
        Catalog known = catalogs.get(assessmentId);
        if (known != null) {
            return known;
        }
        Catalog catalog = views.load(assessmentId).map(ReportViewBuilder::catalogOf)
                               .orElseThrow(() -> Problems.notFound("id", "no assessment " + assessmentId));
        if (catalogs.size() >= MAX_CACHED) {
            catalogs.clear();
        }
        catalogs.put(assessmentId, catalog);
        return catalog;
    }

    /** The kinds of place a presence heartbeat may name: the pages an editor can have open. */
    private static final Set<Place.Kind> PAGES =
            EnumSet.of(Place.Kind.ASSESSMENT, Place.Kind.CRITERION, Place.Kind.OP_ITEM, Place.Kind.OP_QUESTION);

    /** Whether {@code section} names a place in the assessment's report ({@code null}: no particular section). */
    public static boolean exists(Catalog catalog, String section) {
        return section == null
               || Place.parse(section).filter(p -> PAGES.contains(p.kind()) && p.existsIn(catalog)).isPresent();
    }
}
