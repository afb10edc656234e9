package th.pmqa.studio.infra.eventstore;

/**
 * An event's global position and the aggregate it belongs to, which decides the projection segment it falls in; and
 * when it was written ({@code null} if unknown), which tells how long a projection behind it has kept readers waiting.
 */
public record StoredPosition(long position, String aggregateIdentifier, java.time.Instant storedAt) {

    public StoredPosition(long position, String aggregateIdentifier) {
        this(position, aggregateIdentifier, null);
    }
}
