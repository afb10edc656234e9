package th.pmqa.studio.command.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.util.context.ContextView;
import th.pmqa.studio.infra.tracing.RequestIds;

import java.util.Map;

/**
 * The id of the HTTP request that sent a command goes into the command's metadata, and from there, by Axon's
 * correlation data, into the metadata of every event the command applied ({@code requestId}): an event in the store
 * names the request, and so the access line, that caused it.
 */
@Configuration(proxyBeanMethods = false)
public class RequestIdMetadata {

    /** Copies {@code requestId} from the command being handled into the events it applies. */
    @Bean
    public CorrelationDataProvider studioRequestIdCorrelation() {
        return new SimpleCorrelationDataProvider(RequestIds.MEMBER);
    }

    /**
     * Axon's default (correlation and trace ids), which it registers only while no other provider is declared; kept,
     * so that events stay correlated to their command as before.
     */
    @Bean
    public CorrelationDataProvider studioMessageOrigin() {
        return new MessageOriginProvider();
    }

    /** The command as a message with the request id of the Reactor context, or as it is outside a request. */
    static Object withRequestId(Object command, ContextView context) {
        return RequestIds.of(context)
                         .<Object>map(id -> GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(RequestIds.MEMBER, id)))
                         .orElse(command);
    }
}
