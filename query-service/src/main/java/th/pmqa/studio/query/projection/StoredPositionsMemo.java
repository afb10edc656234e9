package th.pmqa.studio.query.projection;

import th.pmqa.studio.infra.eventstore.EventStoreReads;
import th.pmqa.studio.infra.eventstore.StoredPosition;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventStoreReads#storedAfter} for the status and the lag meters, reading each position once instead of once
 * per request. Near the head every status request asked for up to {@link ProjectionStatus#LAG_WINDOW} positions by
 * exact id; the admin page and the benchmark poll it several times a second while a rebuild runs, which made the
 * status requests, not the replay, the embedded server's largest load during the second half of a rebuild.
 * <p>
 * What a position holds never changes once it is written (an event's aggregate and write time are fixed; indexes
 * are never reused), so a run of positions read before can be reused as it is, and only what lies beyond it needs
 * reading. Only a run without holes is kept: a hole may be an index reserved by a commit still being written, or a
 * tombstone; either way the next request reads again, as before. The one change a kept position can see is its
 * unfinished commit being deleted and sealed; it then counts as pending only until the segments pass it, which they
 * do as soon as it is sealed.
 */
final class StoredPositionsMemo {

    private final EventStoreReads engine;
    /** Every position after {@code from} up to {@code upTo} is stored and listed in {@code stored}, in order. */
    private long from = -1;
    private long upTo = -1;
    private List<StoredPosition> stored = List.of();

    StoredPositionsMemo(EventStoreReads engine) {
        this.engine = engine;
    }

    /** The same as {@code engine.storedAfter(position, limit)} read against a head of at least {@code head}. */
    synchronized List<StoredPosition> storedAfter(long position, int limit, long head) {
        long end = Math.min(head, position + limit);
        if (from >= 0 && position >= from && position <= upTo) {
            List<StoredPosition> known = new ArrayList<>(stored.subList((int) (position - from), stored.size()));
            if (end > upTo) {
                known.addAll(engine.storedAfter(upTo, (int) (end - upTo)));
            }
            return keep(position, end, known);
        }
        return keep(position, end, new ArrayList<>(engine.storedAfter(position, limit)));
    }

    /** The first positions after segments' positions far behind the head, each known to follow it directly. */
    private final java.util.Map<Long, StoredPosition> firstAfter = new java.util.HashMap<>();

    /**
     * The first event stored after {@code position} among the next 100 positions: kept when it is the very next
     * position (what it holds never changes), read again otherwise.
     */
    synchronized java.util.Optional<StoredPosition> firstAfter(long position) {
        StoredPosition known = firstAfter.get(position);
        if (known != null) {
            return java.util.Optional.of(known);
        }
        java.util.Optional<StoredPosition> first = engine.storedAfter(position, 100).stream().findFirst();
        first.filter(p -> p.position() == position + 1).ifPresent(p -> {
            if (firstAfter.size() >= 64) {
                firstAfter.clear(); // segments move on: what older positions held is not asked for again
            }
            firstAfter.put(position, p);
        });
        return first;
    }

    /** Keeps the run if it has no holes; returns it cut at {@code end} either way. */
    private List<StoredPosition> keep(long position, long end, List<StoredPosition> read) {
        List<StoredPosition> upToEnd = read.size() > end - position ? read.subList(0, (int) Math.max(0, end - position)) : read;
        boolean whole = upToEnd.size() == end - position
                        && (upToEnd.isEmpty() || upToEnd.get(0).position() == position + 1
                                                  && upToEnd.get(upToEnd.size() - 1).position() == end);
        if (whole) {
            from = position;
            upTo = end;
            stored = List.copyOf(upToEnd);
            return stored;
        }
        from = -1;
        upTo = -1;
        stored = List.of();
        return trim(read, end);
    }

    private static List<StoredPosition> trim(List<StoredPosition> read, long end) {
        return read.stream().filter(p -> p.position() <= end).toList();
    }
}
