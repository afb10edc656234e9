package th.pmqa.studio.infra.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reads of the event store the query side makes outside Axon's tracking processors: time travel, projection lag
 * and the head that live streams poll up to. An interface so that the query side depends on these reads, not on the
 * storage engine that also writes, seals and snapshots.
 */
public interface EventStoreReads {

    /** The highest global index reserved so far: how far readers have yet to go. */
    long headPosition();

    /**
     * The events stored after {@code position} (tombstones left out), in position order, reading at most
     * {@code limit} positions (up to the head, {@link #headPosition()}): what a tracking segment at that position has
     * yet to process.
     */
    List<StoredPosition> storedAfter(long position, int limit);

    /** The global position of the last event of an aggregate stored at or before {@code instant}, if any. */
    Optional<Long> positionAt(String aggregateIdentifier, Instant instant);

    /**
     * One aggregate's events between two global positions, with their positions, straight from the store, read a
     * page at a time as the caller consumes them: a stream over cursors, to be closed by the caller.
     */
    Stream<TrackedEventMessage<?>> readAggregateBetween(String aggregateIdentifier, long afterPosition,
                                                        long upToPosition);
}
