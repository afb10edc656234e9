package th.pmqa.studio.infra.eventstore;

/** An event's global position and the aggregate it belongs to, which decides the projection segment it falls in. */
public record StoredPosition(long position, String aggregateIdentifier) {
}
