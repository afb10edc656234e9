package th.pmqa.studio.infra.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * The MongoDB every test talks to: the server named by {@code MONGODB_URI} when set (CI sets it to FerretDB for a
 * second run), otherwise one in-memory embedded wire-protocol server per JVM. Each caller gets its own database, so
 * test classes never see each other's data.
 */
public final class MongoTestServer {

    private static final String URI;
    private static final String SERVER_NAME;
    private static MongoClient client;

    static {
        String configured = System.getenv("MONGODB_URI");
        if (configured != null && !configured.isBlank()) {
            URI = configured;
            SERVER_NAME = System.getenv().getOrDefault("MONGODB_SERVER_NAME", "external");
        } else {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            URI = "mongodb://127.0.0.1:" + address.getPort();
            SERVER_NAME = "embedded";
            // no shutdown hook: the in-memory server needs no clean close, and Spring contexts still running at JVM
            // exit would otherwise log connection errors for a server that went first
        }
    }

    private MongoTestServer() {
    }

    /** A connection string for the server (without a database name). */
    public static String uri() {
        return URI;
    }

    /** A connection string for the server naming the given database. */
    public static String uri(String database) {
        ConnectionString cs = new ConnectionString(URI);
        String hosts = String.join(",", cs.getHosts());
        String options = URI.contains("?") ? URI.substring(URI.indexOf('?')) : "";
        return "mongodb://" + hosts + "/" + database + options;
    }

    public static String serverName() {
        return SERVER_NAME;
    }

    /**
     * Skips the calling test on CI's second run (FerretDB) when what it checks does not depend on the server: it ran
     * on the embedded server already, and FerretDB reads whole collections per query, so heavy tests cost minutes there.
     */
    public static void onlyOnTheEmbeddedServer(String why) {
        org.assertj.core.api.Assumptions.assumeThat(SERVER_NAME).as(why).isEqualTo("embedded");
    }

    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(URI);
        }
        return client;
    }

    /** A new, empty database with a unique name. */
    public static String freshDatabaseName(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "")).substring(0, Math.min(60, prefix.length() + 33));
    }

    public static MongoDatabase freshDatabase(String prefix) {
        return client().getDatabase(freshDatabaseName(prefix));
    }
}
