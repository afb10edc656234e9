package th.pmqa.studio.query.projection;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.eventstore.EventStoreReads;
import th.pmqa.studio.infra.eventstore.StoredPosition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StoredPositionsMemoTest {

    /** An event store of positions, counting how many positions each read asked for. */
    static final class Positions implements EventStoreReads {
        final TreeMap<Long, StoredPosition> stored = new TreeMap<>();
        long head;
        long positionsRead;

        void write(long position) {
            stored.put(position, new StoredPosition(position, "A" + position % 7, Instant.ofEpochSecond(position)));
            head = Math.max(head, position);
        }

        @Override
        public long headPosition() {
            return head;
        }

        @Override
        public List<StoredPosition> storedAfter(long position, int limit) {
            long end = Math.min(head, position + limit);
            positionsRead += Math.max(0, end - position);
            return new ArrayList<>(stored.subMap(position, false, end, true).values());
        }

        @Override
        public Optional<Long> positionAt(String aggregateIdentifier, Instant instant) {
            return Optional.empty();
        }

        @Override
        public Stream<TrackedEventMessage<?>> readAggregateBetween(String aggregateIdentifier, long afterPosition, long upToPosition) {
            return Stream.empty();
        }
    }

    @Test
    void repeatedStatusRequestsReadEachStoredPositionOnceAndAnswerWhatAFreshReadWould() {
        Positions store = new Positions();
        for (long p = 1; p <= 5_000; p++) {
            store.write(p);
        }
        StoredPositionsMemo memo = new StoredPositionsMemo(store);

        for (long from = 0; from <= 4_000; from += 100) {
            assertThat(memo.storedAfter(from, 10_000, store.head)).isEqualTo(store.storedAfter(from, 10_000));
            store.positionsRead -= Math.min(store.head, from + 10_000) - from; // the comparison's own read
        }

        assertThat(store.positionsRead).isEqualTo(5_000);
    }

    @Test
    void positionsWrittenAfterARequestAreReadOnceByTheNext() {
        Positions store = new Positions();
        for (long p = 1; p <= 300; p++) {
            store.write(p);
        }
        StoredPositionsMemo memo = new StoredPositionsMemo(store);
        memo.storedAfter(0, 10_000, store.head);
        for (long p = 301; p <= 350; p++) {
            store.write(p);
        }

        assertThat(memo.storedAfter(10, 10_000, store.head)).extracting(StoredPosition::position)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(11, 350).boxed().toList());
        assertThat(store.positionsRead).isEqualTo(350);
    }

    @Test
    void aHoleIsReadAgainUntilItsCommitIsWritten() {
        Positions store = new Positions();
        for (long p = 1; p <= 100; p++) {
            if (p != 40) { // reserved by a commit not written yet
                store.write(p);
            }
        }
        StoredPositionsMemo memo = new StoredPositionsMemo(store);

        assertThat(memo.storedAfter(0, 10_000, store.head)).hasSize(99);
        store.write(40);

        assertThat(memo.storedAfter(0, 10_000, store.head)).extracting(StoredPosition::position)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(store.positionsRead).isEqualTo(200);
    }

    @Test
    void aRequestBehindTheKeptRunReadsAfresh() {
        Positions store = new Positions();
        for (long p = 1; p <= 200; p++) {
            store.write(p);
        }
        StoredPositionsMemo memo = new StoredPositionsMemo(store);
        memo.storedAfter(100, 10_000, store.head);

        assertThat(memo.storedAfter(50, 10_000, store.head)).extracting(StoredPosition::position)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(51, 200).boxed().toList());
        assertThat(memo.storedAfter(150, 20, store.head)).extracting(StoredPosition::position)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(151, 170).boxed().toList());
    }

    @Test
    void theFirstEventAfterASegmentFarBehindIsReadOnceWhileItFollowsDirectly() {
        Positions store = new Positions();
        for (long p = 1; p <= 500; p++) {
            if (p != 202) {
                store.write(p);
            }
        }
        StoredPositionsMemo memo = new StoredPositionsMemo(store);

        for (int request = 0; request < 10; request++) {
            assertThat(memo.firstAfter(100)).map(StoredPosition::position).contains(101L);
        }
        assertThat(store.positionsRead).isEqualTo(100);
        assertThat(memo.firstAfter(201)).map(StoredPosition::position).contains(203L);
        store.write(202);
        assertThat(memo.firstAfter(201)).map(StoredPosition::position).contains(202L);
    }
}
