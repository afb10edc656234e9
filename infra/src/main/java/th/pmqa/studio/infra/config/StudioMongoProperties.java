package th.pmqa.studio.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the services keep everything: events, snapshots, tokens and read models.
 *
 * @param uri            connection string; {@code infra/run.sh} points it at the embedded server unless
 *                       {@code MONGODB_URI} names another one
 * @param database       database name used when the URI names none
 * @param timeout        how long an operation may wait for a server before it fails (keeps requests failing fast
 *                       while MongoDB is down, instead of hanging)
 * @param sealTimeout    how long event readers wait at a reserved but unwritten global index before sealing it
 */
@ConfigurationProperties(prefix = "studio.mongodb")
public record StudioMongoProperties(String uri, String database, Duration timeout, Duration sealTimeout) {
    public StudioMongoProperties {
        if (uri == null || uri.isBlank()) {
            uri = "mongodb://127.0.0.1:27018";
        }
        if (database == null || database.isBlank()) {
            database = "pmqa_studio";
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(3);
        }
        if (sealTimeout == null) {
            sealTimeout = Duration.ofSeconds(10);
        }
    }
}
