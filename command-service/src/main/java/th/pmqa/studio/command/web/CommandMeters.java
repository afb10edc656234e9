package th.pmqa.studio.command.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.modelling.command.ConcurrencyException;
import reactor.core.publisher.Mono;
import th.pmqa.studio.command.answer.EditAnswer;
import th.pmqa.studio.command.rejection.RejectedCommandException;
import th.pmqa.studio.command.rejection.RejectionKind;
import th.pmqa.studio.infra.metrics.MeterNames;

/**
 * Latency and outcome of every command, per command type, as one timer ({@link MeterNames#COMMANDS}); the time is
 * the whole send, retries included, as the client waits for it.
 */
final class CommandMeters {

    private final MeterRegistry registry;

    CommandMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    <R> Mono<R> timed(Object command, Mono<R> sending) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return sending
                    .doOnSuccess(result -> record(command, outcomeOf(result), start))
                    .doOnError(error -> record(command, outcomeOf(error), start));
        });
    }

    void retried(Object command) {
        Counter.builder(MeterNames.COMMAND_RETRIES).tag("command", command.getClass().getSimpleName())
               .description("Commands sent again after another node appended to their assessment first")
               .register(registry).increment();
    }

    private void record(Object command, String outcome, long start) {
        Timer.builder(MeterNames.COMMANDS)
             .tag("command", command.getClass().getSimpleName())
             .tag("outcome", outcome)
             .description("Commands by type and outcome (accepted, merged, conflict, refused, error)")
             .register(registry)
             .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** An edit that started from an older revision and was merged with what others saved since. */
    static String outcomeOf(Object result) {
        return result instanceof EditAnswer answer && answer.merged() ? "merged" : "accepted";
    }

    static String outcomeOf(Throwable error) {
        if (error instanceof ConcurrencyException) {
            return "conflict";
        }
        if (error instanceof RejectedCommandException rejected) {
            return rejected.kind() == RejectionKind.CONFLICT || rejected.kind() == RejectionKind.STALE ? "conflict" : "refused";
        }
        return "error";
    }
}
