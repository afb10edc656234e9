package th.pmqa.studio.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;
import java.util.function.Function;

/**
 * Moves stored events of some types from one revision to the next when the next only added a field that may be
 * absent (Jackson reads a missing record component as null). The payload stays as it is; what changes is the
 * revision it is read as, so that a later, real upcaster from the new revision sees every event at that revision.
 */
public class AddedFieldUpcaster extends SingleEventUpcaster {

    private final Set<String> payloadTypes;
    private final String fromRevision;
    private final String toRevision;

    public AddedFieldUpcaster(Set<String> payloadTypes, String fromRevision, String toRevision) {
        this.payloadTypes = Set.copyOf(payloadTypes);
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return payloadTypes.contains(representation.getType().getName())
               && fromRevision.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), toRevision),
                                            JsonNode.class, Function.identity());
    }
}
