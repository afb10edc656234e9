package th.pmqa.studio.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Sends commands through Axon from reactive handlers. */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final com.mongodb.client.MongoClient mongoClient;

    public CommandSender(CommandGateway commandGateway, com.mongodb.client.MongoClient mongoClient) {
        this.commandGateway = commandGateway;
        this.mongoClient = mongoClient;
    }

    /**
     * The local command bus runs the handler (and the event store write) on the calling thread, so it must not be
     * a Netty event-loop thread. Errors arrive as the handler's own exception, sometimes wrapped by the future.
     */
    public <R> Mono<R> send(Object command) {
        return Mono.defer(() -> {
                    // Commands on one assessment queue for its lock; while MongoDB is known to be away, each would
                    // wait out the driver's timeout in turn. Refuse at once instead.
                    if (StorageFailures.knownDown(mongoClient)) {
                        return Mono.error(new com.mongodb.MongoTimeoutException("MongoDB is unreachable"));
                    }
                    return Mono.fromFuture(commandGateway.<R>send(command));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(CommandSender::isWrapper, Throwable::getCause);
    }

    private static boolean isWrapper(Throwable error) {
        return (error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null;
    }
}
