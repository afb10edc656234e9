package th.pmqa.studio.infra.config;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/** UP only while MongoDB answers a ping; the sync driver is called off the event loop. */
public class MongoHealthIndicator implements ReactiveHealthIndicator {

    private final MongoDatabase database;
    private final Duration timeout;

    public MongoHealthIndicator(MongoDatabase database, Duration timeout) {
        this.database = database;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCallable(() -> database.runCommand(new Document("ping", 1)))
                   .subscribeOn(Schedulers.boundedElastic())
                   .timeout(timeout.plusSeconds(1))
                   .map(reply -> Health.up().withDetail("database", database.getName()).build())
                   .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build()));
    }
}
