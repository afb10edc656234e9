package th.pmqa.studio.query.presence;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import th.pmqa.studio.infra.access.Role;
import th.pmqa.studio.infra.access.StudioUser;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.presence.PresenceEntry.Activity.EDITING;
import static th.pmqa.studio.query.presence.PresenceEntry.Activity.VIEWING;

/** The board against a real (embedded) MongoDB, with a clock the test moves and polls the test triggers. */
class PresenceBoardTest {

    private static final String KKN = "KKN-2567";
    private static final Duration EXPIRY = Duration.ofSeconds(30);
    private static final Duration NEVER = Duration.ofDays(1); // no poll or cleanup by the timer during a test
    private static final StudioUser SOMSRI = new StudioUser("u-somsri", "สมศรี ใจดี", "KKN", Set.of(Role.EDITOR));
    private static final StudioUser SOMCHAI = new StudioUser("u-somchai", "สมชาย", "KKN", Set.of(Role.LEAD));

    private final MongoDatabase database = MongoTestServer.freshDatabase("presence");
    private final PresenceStore store = new PresenceStore(database);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    private final PresenceBoard board = new PresenceBoard(store, clock, EXPIRY, NEVER, NEVER);
    /** A second query node on the same database. */
    private final PresenceBoard otherNode = new PresenceBoard(new PresenceStore(database), clock, EXPIRY, NEVER, NEVER);

    @AfterEach
    void tearDown() {
        board.close();
        otherNode.close();
        database.drop();
    }

    @Test
    void aHeartbeatPutsThePersonOnTheBoardAtOnceWithSectionActivityAndName() {
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", EDITING);

        assertThat(board.people(KKN)).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo("u-somsri");
            assertThat(e.name()).isEqualTo("สมศรี ใจดี");
            assertThat(e.section()).isEqualTo("criteria/1.1");
            assertThat(e.activity()).isEqualTo(EDITING);
            assertThat(e.since()).isEqualTo(clock.instant());
            assertThat(e.seenAt()).isEqualTo(clock.instant());
        });
        assertThat(board.people("NMA-2567")).isEmpty();
    }

    /** The request of a fuzzer finding (a 500, whose cause was the race with the cleanup below). */
    @Test
    void aTabOnNoParticularSectionCanChangeItsActivity() {
        board.heartbeat(KKN, SOMSRI, "0", null, VIEWING);
        clock.advance(Duration.ofSeconds(5));
        board.heartbeat(KKN, SOMSRI, "0", null, EDITING);

        assertThat(board.people(KKN)).singleElement().satisfies(e -> {
            assertThat(e.section()).isNull();
            assertThat(e.activity()).isEqualTo(EDITING);
        });
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void aHeartbeatAfterItsEntryExpiredButBeforeCleanupStartsAFreshEntry() {
        board.heartbeat(KKN, SOMSRI, "tab-1", "profile/1", VIEWING);
        clock.advance(EXPIRY.plusSeconds(20));
        board.heartbeat(KKN, SOMSRI, "tab-1", "profile/1", VIEWING);

        assertThat(board.people(KKN)).singleElement().satisfies(e -> assertThat(e.since()).isEqualTo(clock.instant()));
        assertThat(store.count()).isEqualTo(1);
    }

    /**
     * Found by the fuzzer: a heartbeat of an expired entry (a fresh insert) while a node's cleanup deleted that entry
     * answered 500. An upsert racing a delete or another upsert fails as a duplicate key, on the embedded server with
     * an error of its own; the heartbeat must still be stored.
     */
    @Test
    void heartbeatsOfExpiredEntriesRacingTheCleanupAreAllStored() throws Exception {
        Instant now = clock.instant();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread cleanup = new Thread(() -> {
            while (!done.get()) {
                store.deleteSeenBefore(now.plusSeconds(3600));
            }
        });
        cleanup.start();
        try {
            for (int i = 0; i < 1500; i++) {
                // a cutoff after now: the entry always counts as expired, so every heartbeat inserts afresh
                PresenceEntry stored = store.seen(KKN, SOMSRI, "tab-1", i % 2 == 0 ? null : "profile/1", VIEWING, now,
                                                  now.plusSeconds(1));
                assertThat(stored.seenAt()).isEqualTo(now);
            }
        } finally {
            done.set(true);
            cleanup.join();
        }
    }

    @Test
    void aHeartbeatOnOneNodeReachesAnotherNodeAtItsNextPoll() {
        board.heartbeat(KKN, SOMSRI, "tab-1", "profile/3", VIEWING);
        assertThat(otherNode.people(KKN)).isEmpty();

        otherNode.poll();

        assertThat(otherNode.people(KKN)).extracting(PresenceEntry::section).containsExactly("profile/3");
    }

    @Test
    void movingToAnotherSectionReplacesTheEntryAndStartsANewSinceWhileStayingKeepsIt() {
        Instant arrived = clock.instant();
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", VIEWING);
        clock.advance(Duration.ofSeconds(10));
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", VIEWING);
        assertThat(board.people(KKN)).singleElement().satisfies(e -> {
            assertThat(e.since()).isEqualTo(arrived);
            assertThat(e.seenAt()).isEqualTo(clock.instant());
        });

        clock.advance(Duration.ofSeconds(10));
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/2.1", EDITING);
        otherNode.poll();

        for (PresenceBoard node : List.of(board, otherNode)) {
            assertThat(node.people(KKN)).singleElement().satisfies(e -> {
                assertThat(e.section()).isEqualTo("criteria/2.1");
                assertThat(e.activity()).isEqualTo(EDITING);
                assertThat(e.since()).isEqualTo(clock.instant());
            });
        }
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void anEntryExpiresThirtySecondsAfterItsLastHeartbeatAndTheStreamSendsTheShrunkList() {
        StepVerifier.create(board.watch(KKN))
                    .assertNext(people -> assertThat(people).isEmpty())
                    .then(() -> {
                        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", EDITING);
                        board.heartbeat(KKN, SOMCHAI, "tab-9", "assessment", VIEWING);
                    })
                    .assertNext(people -> assertThat(people).extracting(PresenceEntry::userId).containsExactly("u-somsri"))
                    .assertNext(people -> assertThat(people).extracting(PresenceEntry::userId)
                                                            .containsExactly("u-somchai", "u-somsri"))
                    .then(() -> {
                        clock.advance(Duration.ofSeconds(20));
                        board.heartbeat(KKN, SOMCHAI, "tab-9", "assessment", VIEWING); // only renews: no event
                        clock.advance(Duration.ofSeconds(10));                         // Somsri last seen 30 s ago
                        board.poll();
                        assertThat(board.people(KKN)).hasSize(2);
                        clock.advance(Duration.ofMillis(1));
                        board.poll();
                    })
                    .assertNext(people -> assertThat(people).extracting(PresenceEntry::userId).containsExactly("u-somchai"))
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));
        assertThat(board.people(KKN)).extracting(PresenceEntry::userId).containsExactly("u-somchai");
        assertThat(board.activeEditors(KKN)).isZero();
    }

    @Test
    void anEntryNotPolledYetIsNotListedOnceExpired() {
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", EDITING);
        clock.advance(EXPIRY.plusSeconds(1));

        assertThat(board.people(KKN)).isEmpty();
        assertThat(board.activeEditors(KKN)).isZero();
    }

    @Test
    void twoTabsOfOnePersonAreTwoEntriesButOneActiveEditor() {
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", EDITING);
        board.heartbeat(KKN, SOMSRI, "tab-2", "profile/1", EDITING);
        board.heartbeat(KKN, SOMCHAI, "tab-9", "criteria/1.1", VIEWING);

        assertThat(board.people(KKN)).extracting(PresenceEntry::clientId).containsExactly("tab-9", "tab-1", "tab-2");
        assertThat(board.activeEditors(KKN)).isEqualTo(1);
        EditorsNow editors = EditorsNow.of(KKN, board.people(KKN));
        assertThat(editors.activeEditors()).isEqualTo(1);
        assertThat(editors.editors()).extracting(EditorsNow.Editor::section).containsExactly("criteria/1.1", "profile/1");

        board.heartbeat(KKN, SOMCHAI, "tab-9", "criteria/1.1", EDITING);
        assertThat(board.activeEditors(KKN)).isEqualTo(2);
    }

    @Test
    void leavingRemovesTheTabOnThisNodeAtOnceAndOnOthersAtTheirNextPoll() {
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", EDITING);
        board.heartbeat(KKN, SOMSRI, "tab-2", "criteria/1.2", VIEWING);
        otherNode.poll();
        assertThat(otherNode.people(KKN)).hasSize(2);

        board.leave(KKN, "u-somsri", "tab-1");
        assertThat(board.people(KKN)).extracting(PresenceEntry::clientId).containsExactly("tab-2");
        otherNode.poll();
        assertThat(otherNode.people(KKN)).extracting(PresenceEntry::clientId).containsExactly("tab-2");
        board.leave(KKN, "u-somchai", "tab-2"); // someone else's tab of the same id: not theirs to remove
        assertThat(board.people(KKN)).hasSize(1);
    }

    @Test
    void cleanupDeletesOnlyTheDocumentsOfExpiredEntries() {
        board.heartbeat(KKN, SOMSRI, "tab-old", "criteria/1.1", EDITING);
        board.heartbeat("NMA-2567", SOMCHAI, "tab-old", "assessment", VIEWING);
        clock.advance(Duration.ofSeconds(25));
        board.heartbeat(KKN, SOMCHAI, "tab-new", "profile/2", VIEWING);
        clock.advance(Duration.ofSeconds(6)); // the first two are 31 s old, the third 6 s

        board.cleanup();
        otherNode.cleanup(); // every node cleans up; doing it twice is harmless

        assertThat(store.count()).isEqualTo(1);
        assertThat(store.seenSince(Instant.EPOCH)).extracting(PresenceEntry::clientId).containsExactly("tab-new");
    }

    @Test
    void aPersonWhoComesBackAfterExpiringStartsAFreshSince() {
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", VIEWING);
        clock.advance(Duration.ofMinutes(5)); // the document is still there: no cleanup ran
        board.heartbeat(KKN, SOMSRI, "tab-1", "criteria/1.1", VIEWING);

        assertThat(board.people(KKN)).singleElement()
                                     .satisfies(e -> assertThat(e.since()).isEqualTo(clock.instant()));
    }
}
