package th.pmqa.studio.query.store;

import th.pmqa.studio.query.view.DashboardRow;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import th.pmqa.studio.query.view.ReportJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The dashboard read model: one row per assessment. */
@Component
public class DashboardStore {

    public static final String COLLECTION = "dashboard_rows";

    private final MongoCollection<Document> rows;

    public DashboardStore(MongoDatabase database) {
        this.rows = database.getCollection(COLLECTION);
    }

    /** Stores each row unless a row at the same or a later position is there, in a few round trips. */
    public void saveAll(java.util.Collection<DashboardRow> batch) {
        PositionedWrites.saveAllIfNewer(rows, batch.stream().map(DashboardStore::document).toList());
    }

    private static Document document(DashboardRow row) {
        return new Document("_id", row.assessmentId())
                .append("position", row.position())
                .append("organizationCode", row.organizationCode())
                .append("fiscalYear", row.fiscalYear())
                .append("row", ReportJson.write(row));
    }

    /** Every row, or only those of one organization (filtered by the database, not after loading). */
    public List<DashboardRow> all(String organizationOrNull) {
        org.bson.conversions.Bson filter = organizationOrNull == null ? new Document()
                : Filters.eq("organizationCode", organizationOrNull);
        return rows.find(filter).sort(Sorts.ascending("organizationCode", "fiscalYear"))
                   .map(d -> ReportJson.read(d.getString("row"), DashboardRow.class)).into(new ArrayList<>());
    }

    public Optional<DashboardRow> find(String assessmentId) {
        return Optional.ofNullable(rows.find(Filters.eq("_id", assessmentId)).first())
                       .map(d -> ReportJson.read(d.getString("row"), DashboardRow.class));
    }

    public void drop() {
        rows.drop();
    }
}
