package th.pmqa.studio.query.store;

import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.view.ReportJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The live report read model: one document per assessment holding its folded state and position. */
@Component
public class ReportViewStore {

    public static final String COLLECTION = "report_views";

    private final MongoCollection<Document> views;

    public ReportViewStore(MongoDatabase database) {
        this.views = database.getCollection(COLLECTION);
    }

    public Optional<ReportState> load(String assessmentId) {
        Document doc = views.find(Filters.eq("_id", assessmentId)).first();
        return Optional.ofNullable(doc).map(d -> ReportJson.read(d.getString("state"), ReportState.class));
    }

    /** Whether the assessment has a report: reads its id only, not the whole stored state. */
    public boolean exists(String assessmentId) {
        return views.find(Filters.eq("_id", assessmentId)).projection(new Document("_id", 1)).first() != null;
    }

    /**
     * Stores the states one batch touched, each unless a state at the same or a later position is already there
     * (replays are harmless), in a few round trips.
     */
    public void saveAll(java.util.Collection<ReportState> states) {
        PositionedWrites.saveAllIfNewer(views, states.stream().map(ReportViewStore::document).toList());
    }

    private static Document document(ReportState state) {
        return new Document("_id", state.assessmentId)
                .append("position", state.position)
                .append("organizationCode", state.organizationCode)
                .append("state", ReportJson.write(state));
    }

    public void drop() {
        views.drop();
    }
}
