package th.pmqa.studio.query.store;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionedWritesTest {

    private final MongoCollection<Document> collection =
            MongoTestServer.freshDatabase("positioned").getCollection("views");

    private static Document doc(String id, long position) {
        return new Document("_id", id).append("position", position).append("state", id + "@" + position);
    }

    private List<Document> stored() {
        return collection.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void aBatchOfNewDocumentsIsInsertedWholeAndWritingItAgainChangesNothing() {
        List<Document> batch = List.of(doc("A", 5), doc("B", 7), doc("C", 9));

        PositionedWrites.saveAllIfNewer(collection, batch);
        PositionedWrites.saveAllIfNewer(collection, batch);

        assertThat(stored()).containsExactly(doc("A", 5), doc("B", 7), doc("C", 9));
    }

    @Test
    void aBatchMixingMissingOlderAndNewerDocumentsKeepsTheNewestOfEach() {
        collection.insertOne(doc("B", 3));  // older: replaced
        collection.insertOne(doc("D", 20)); // newer: left alone

        PositionedWrites.saveAllIfNewer(collection, List.of(doc("A", 5), doc("B", 7), doc("C", 9), doc("D", 11), doc("E", 12)));

        assertThat(stored()).containsExactly(doc("A", 5), doc("B", 7), doc("C", 9), doc("D", 20), doc("E", 12));
    }

    @Test
    void insertingManyOverDocumentsThatRacedInKeepsTheNewestAndInsertsTheRest() {
        collection.insertOne(doc("B", 3));  // raced in older: replaced
        collection.insertOne(doc("C", 30)); // raced in newer: left alone

        PositionedWrites.insertAllUnlessPresent(collection, List.of(doc("A", 5), doc("B", 7), doc("C", 9), doc("D", 11)));

        assertThat(stored()).containsExactly(doc("A", 5), doc("B", 7), doc("C", 30), doc("D", 11));
    }
}
