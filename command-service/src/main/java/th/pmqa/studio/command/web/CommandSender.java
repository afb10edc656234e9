package th.pmqa.studio.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import th.pmqa.studio.command.rejection.RejectedCommandException;
import th.pmqa.studio.command.rejection.RejectionKind;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Sends commands through Axon from reactive handlers. */
@Component
public class CommandSender {

    /** Races between nodes on one assessment: each retry runs on the winner's state, so a few always suffice. */
    static final int MAX_RETRIES = 5;

    private final CommandGateway commandGateway;
    private final com.mongodb.client.MongoClient mongoClient;
    private final CommandMeters meters;

    public CommandSender(CommandGateway commandGateway, com.mongodb.client.MongoClient mongoClient,
                         io.micrometer.core.instrument.MeterRegistry registry) {
        this.commandGateway = commandGateway;
        this.mongoClient = mongoClient;
        this.meters = new CommandMeters(registry);
    }

    /**
     * The local command bus runs the handler (and the event store write) on the calling thread, so it must not be
     * a Netty event-loop thread. Errors arrive as the handler's own exception, sometimes wrapped by the future.
     * <p>
     * The assessment a command is decided on may come from this node's cache and miss another node's latest write.
     * Such a command either collides with that write in the event store ({@link ConcurrencyException}) or is refused
     * on outdated state (stale revision, conflict); either way Axon has evicted the cached entry, and the command is
     * sent again to be decided on what the store holds. Nothing was stored by the failed attempt.
     */
    public <R> Mono<R> send(Object command) {
        return meters.timed(command, sendUntimed(command));
    }

    private <R> Mono<R> sendUntimed(Object command) {
        Mono<R> attempt = Mono.<R>deferContextual(context -> {
                    // Commands on one assessment queue for its lock; while MongoDB is known to be away, each would
                    // wait out the driver's timeout in turn. Refuse at once instead.
                    if (StorageFailures.knownDown(mongoClient)) {
                        return Mono.error(new com.mongodb.MongoTimeoutException("MongoDB is unreachable"));
                    }
                    return Mono.fromFuture(commandGateway.<R>send(RequestIdMetadata.withRequestId(command, context)));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(CommandSender::isWrapper, Throwable::getCause)
                .retryWhen(Retry.backoff(MAX_RETRIES, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                                .filter(CommandSender::lostARace)
                                .doBeforeRetry(signal -> meters.retried(command))
                                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        // a second decision, on state the failed attempt's rollback forced to be read from the store, is final
        return attempt.onErrorResume(CommandSender::refusedOnState, refused -> {
            meters.retried(command);
            return attempt;
        });
    }

    /** Another node appended to the assessment between this node's load and its append. */
    static boolean lostARace(Throwable error) {
        // creating an assessment that exists stays refused however often it is tried
        return error instanceof ConcurrencyException && !(error instanceof AggregateStreamCreationException);
    }

    /** A refusal that depends on the assessment's state, which may have come from an outdated cache entry. */
    static boolean refusedOnState(Throwable error) {
        return error instanceof RejectedCommandException rejected
               && (rejected.kind() == RejectionKind.STALE || rejected.kind() == RejectionKind.CONFLICT);
    }

    private static boolean isWrapper(Throwable error) {
        return (error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null;
    }
}
