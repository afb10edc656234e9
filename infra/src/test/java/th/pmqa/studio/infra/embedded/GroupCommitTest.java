package th.pmqa.studio.infra.embedded;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GroupCommitTest {

    /** A commit that waits at a gate the test opens, one commit at a time, and counts how many began. */
    private static final class GatedCommit implements Runnable {
        final Semaphore gate = new Semaphore(0);
        final AtomicInteger began = new AtomicInteger();
        volatile RuntimeException failNext;

        @Override
        public void run() {
            began.incrementAndGet();
            gate.acquireUninterruptibly();
            RuntimeException failure = failNext;
            failNext = null;
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Test
    void writersThatAskWhileACommitRunsShareTheNextCommitAndAreNotAnsweredByTheRunningOne() {
        GatedCommit commit = new GatedCommit();
        try (GroupCommit group = new GroupCommit("test-committer", commit, idle -> false, 60_000)) {
            CompletableFuture<Void> first = group.request();
            await().atMost(Duration.ofSeconds(10)).until(() -> commit.began.get() == 1);
            // these writes were applied after the running commit captured the store: it cannot cover them
            List<CompletableFuture<Void>> later = List.of(group.request(), group.request(), group.request());

            commit.gate.release();
            await().atMost(Duration.ofSeconds(10)).until(first::isDone);
            await().atMost(Duration.ofSeconds(10)).until(() -> commit.began.get() == 2);
            assertThat(later).noneMatch(CompletableFuture::isDone);

            commit.gate.release();
            await().atMost(Duration.ofSeconds(10)).until(() -> later.stream().allMatch(CompletableFuture::isDone));
            assertThat(later).noneMatch(CompletableFuture::isCompletedExceptionally);
            assertThat(group.commits()).isEqualTo(2);
            assertThat(group.writes()).isEqualTo(4);
        }
    }

    @Test
    void aFailedCommitFailsItsWritersAndTheNextCommitServesLaterOnes() {
        GatedCommit commit = new GatedCommit();
        try (GroupCommit group = new GroupCommit("test-committer", commit, idle -> false, 60_000)) {
            commit.failNext = new IllegalStateException("disk full");
            CompletableFuture<Void> failed = group.request();
            commit.gate.release();
            await().atMost(Duration.ofSeconds(10)).until(failed::isDone);
            assertThat(failed).isCompletedExceptionally();

            CompletableFuture<Void> next = group.request();
            commit.gate.release();
            await().atMost(Duration.ofSeconds(10)).until(next::isDone);
            assertThat(next).isCompletedWithValue(null);
        }
    }

    @Test
    void closingCommitsWhatWasAskedForAndRefusesLaterRequests() throws Exception {
        GatedCommit commit = new GatedCommit();
        GroupCommit group = new GroupCommit("test-committer", commit, idle -> false, 60_000);
        CompletableFuture<Void> pending = group.request();
        commit.gate.release();
        group.close();
        assertThat(pending).isCompletedWithValue(null);
        assertThat(group.request()).isCompletedExceptionally();
    }

    @Test
    void housekeepingRunsWhenWritesPauseAgainWhileItHasWorkLeftAndAgainAfterTheNextWrites() throws Exception {
        AtomicInteger idleRounds = new AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        CountDownLatch thrice = new CountDownLatch(3);
        try (GroupCommit group = new GroupCommit("test-committer", () -> { }, idle -> {
            if (!idle) {
                return true;
            }
            twice.countDown();
            thrice.countDown();
            return idleRounds.incrementAndGet() == 1; // work left after the first idle round only
        }, 20)) {
            group.request().get(10, TimeUnit.SECONDS);
            assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
            group.request().get(10, TimeUnit.SECONDS);
            assertThat(thrice.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
