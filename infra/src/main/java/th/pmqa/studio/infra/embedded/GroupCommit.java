package th.pmqa.studio.infra.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes writes durable in groups, on one committer thread: a write that has been applied asks for a durable point
 * with {@link #request()} and is answered once a commit that <em>started after the request</em> has finished. While
 * one commit runs, every request arriving meanwhile waits for the next one, so concurrent writers share one commit
 * and one fsync instead of queueing for one each. The first request of an idle store is committed at once: nothing
 * waits for company. The same thread does the store's housekeeping, between commits.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Runnable commit;
    private final Housekeeping housekeeping;
    private final long housekeepingMillis;
    private final Object lock = new Object();
    private final Thread committer;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean closed;

    // statistics, written by the committer thread only
    private volatile long commits;
    private volatile long writes;
    private volatile long commitNanos;
    private volatile long longestCommitNanos;

    /** Work on the store between commits, such as compaction. */
    interface Housekeeping {
        /**
         * @param idle whether writes have paused (then it may do more, and must leave its changes durable itself)
         * @return whether more is left to do
         */
        boolean run(boolean idle);
    }

    /**
     * @param commit             makes every write applied before it began durable; throws when it could not
     * @param housekeeping       runs on the committer thread at most every {@code housekeepingMillis} while writes
     *                           come, once they paused that long, and again after each further pause while it answers
     *                           that more is left to do
     */
    GroupCommit(String name, Runnable commit, Housekeeping housekeeping, long housekeepingMillis) {
        this.commit = commit;
        this.housekeeping = housekeeping;
        this.housekeepingMillis = housekeepingMillis;
        this.committer = new Thread(this::run, name);
        committer.setDaemon(true);
        committer.start();
    }

    /** Completes once a commit that started after this call has finished; fails if that commit failed. */
    CompletableFuture<Void> request() {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                durable.completeExceptionally(new IllegalStateException("the store is closing"));
                return durable;
            }
            waiting.add(durable);
            lock.notifyAll();
        }
        return durable;
    }

    private void run() {
        boolean workLeft = false;
        long lastHousekeeping = System.nanoTime();
        while (true) {
            List<CompletableFuture<Void>> group;
            synchronized (lock) {
                if (waiting.isEmpty() && !closed) {
                    try {
                        lock.wait(housekeepingMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
                if (waiting.isEmpty() && closed) {
                    return;
                }
                group = waiting;
                waiting = new ArrayList<>();
            }
            if (group.isEmpty()) { // writes paused
                if (workLeft) {
                    workLeft = runHousekeeping(true);
                    lastHousekeeping = System.nanoTime();
                }
                continue;
            }
            commitFor(group);
            workLeft = true;
            if (System.nanoTime() - lastHousekeeping > TimeUnit.MILLISECONDS.toNanos(housekeepingMillis)) {
                runHousekeeping(false);
                lastHousekeeping = System.nanoTime();
            }
        }
    }

    private void commitFor(List<CompletableFuture<Void>> group) {
        long start = System.nanoTime();
        try {
            commit.run();
        } catch (RuntimeException | Error e) {
            log.error("Commit failed: {} writes are not acknowledged", group.size(), e);
            group.forEach(durable -> durable.completeExceptionally(e));
            return;
        }
        long took = System.nanoTime() - start;
        commits++;
        writes += group.size();
        commitNanos += took;
        longestCommitNanos = Math.max(longestCommitNanos, took);
        group.forEach(durable -> durable.complete(null));
    }

    private boolean runHousekeeping(boolean idle) {
        try {
            return housekeeping.run(idle);
        } catch (RuntimeException e) {
            log.warn("Housekeeping of the store failed", e);
            return false;
        }
    }

    /** Commits what was asked for so far, then stops the committer; later requests fail. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long commits() {
        return commits;
    }

    long writes() {
        return writes;
    }

    /** One line for the log and the benchmark: how many writes shared a commit, and what a commit cost. */
    String statistics() {
        long n = commits;
        return String.format(Locale.ROOT, "group commit: %d writes made durable in %d commits "
                                          + "(%.1f writes per commit), commit + fsync %.2f ms on average, "
                                          + "%.1f ms at most",
                             writes, n, n == 0 ? 0.0 : (double) writes / n, n == 0 ? 0.0 : commitNanos / 1e6 / n,
                             longestCommitNanos / 1e6);
    }
}
