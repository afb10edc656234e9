package th.pmqa.studio.infra.tools;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import th.pmqa.studio.infra.tracing.RequestIds;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code infra/run.sh trace REQUEST_ID}: the events a request caused, from their metadata ({@code requestId}), one
 * line each: global position, time, assessment/sequence, event type. Nothing printed: the request stored nothing
 * (a read, or a refusal, whose problem details carry the same id). Reads {@code MONGODB_URI}, else the embedded
 * server on {@code MONGO_PORT} (27018).
 */
public final class RequestEvents {

    private RequestEvents() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !RequestIds.acceptOrGenerate(args[0]).equals(args[0])) {
            System.err.println("Usage: infra/run.sh trace REQUEST_ID   (the X-Request-Id of an answer, or requestId of a log line)");
            System.exit(2);
        }
        String uri = System.getenv().getOrDefault("MONGODB_URI",
                "mongodb://127.0.0.1:" + System.getenv().getOrDefault("MONGO_PORT", "27018") + "/pmqa_studio");
        ConnectionString connection = new ConnectionString(uri);
        try (MongoClient client = MongoClients.create(connection)) {
            find(client.getDatabase(connection.getDatabase() == null ? "pmqa_studio" : connection.getDatabase()), args[0])
                    .forEach(System.out::println);
        }
    }

    /**
     * A scan of the event store: metadata is stored as serialized JSON text and has no index. Fine for tracing one
     * complaint; not something to run in a loop.
     */
    public static List<String> find(MongoDatabase database, String requestId) {
        // request ids are letters, digits and . _ - only (RequestIds), so the quoted id cannot end the pattern
        Pattern member = Pattern.compile(Pattern.quote("\"" + RequestIds.MEMBER + "\":\"" + requestId + "\""));
        List<String> lines = new ArrayList<>();
        for (Document event : database.getCollection("events").find(Filters.regex("metaData", member)).sort(Sorts.ascending("_id"))) {
            String type = String.valueOf(event.get("payloadType"));
            lines.add("#" + event.get("_id") + " " + event.get("timestamp") + " " + event.get("aggregateIdentifier") + "/"
                      + event.get("sequenceNumber") + " " + type.substring(type.lastIndexOf('.') + 1));
        }
        return lines;
    }
}
