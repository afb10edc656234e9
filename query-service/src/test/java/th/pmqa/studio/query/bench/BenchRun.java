package th.pmqa.studio.query.bench;

import java.time.Duration;
import java.util.List;

/** How a benchmark run is sized, and how it ends: with a status, never by hanging. */
final class BenchRun {

    private BenchRun() {
    }

    /**
     * Sizes of a run. {@code smoke}: tiny, every part once, under a minute of benchmarking, for CI (which judges
     * only that it runs and prints its RESULT line); {@code quick}: a few minutes; {@code full}: the published figures.
     * A run whose sizes were changed by options is {@code custom}: its figures are not comparable with a full run's.
     */
    record Sizes(String mode, int commands, int threads, int events, int subscribers, int updates, int rebuildEvents,
                 int largeEdits, boolean browser, Duration limit) {
        static Sizes of(String[] args) {
            List<String> a = List.of(args);
            boolean smoke = a.contains("--smoke");
            boolean quick = a.contains("--quick");
            String mode = smoke ? "smoke" : quick ? "quick" : "full";
            if (!smoke && !quick && a.stream().anyMatch(x -> x.startsWith("--") && !x.equals("--browser")
                                                                          && !x.equals("--no-browser") && !x.equals("--timeout-minutes"))) {
                mode = "custom";
            }
            boolean browser = a.contains("--browser") || (!smoke && !quick && !a.contains("--no-browser")
                                                          && java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/chromium")));
            return new Sizes(mode,
                             QueryBench.argument(args, "--commands", smoke ? 200 : quick ? 2_000 : 10_000),
                             QueryBench.argument(args, "--threads", smoke ? 4 : 8),
                             smoke ? 500 : quick ? 2_000 : 10_000,
                             QueryBench.argument(args, "--subscribers", smoke ? 20 : quick ? 200 : 1_000),
                             smoke ? 10 : quick ? 50 : 200,
                             QueryBench.argument(args, "--rebuild-events", smoke ? 3_000 : quick ? 50_000 : 1_000_000),
                             QueryBench.argument(args, "--large-edits", smoke ? 10 : quick ? 480 : 1_000),
                             browser,
                             Duration.ofMinutes(QueryBench.argument(args, "--timeout-minutes", smoke ? 15 : quick ? 60 : 360)));
        }
    }

    /**
     * Exits with {@code status}; if the shutdown hooks (a Spring context closing, a stuck server connection) have
     * not let the JVM end within 30 s, halts it.
     */
    static void exit(int status) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("bench: the JVM did not end within 30 s of exiting (a shutdown hook hangs): halted");
            Runtime.getRuntime().halt(status);
        }, "bench-halt");
        halt.setDaemon(true);
        halt.start();
        System.out.flush();
        System.exit(status);
    }

    /** Ends the JVM with status 3 (after a thread dump on stderr) if the run is still going after {@code limit}. */
    static void watchdog(Duration limit, String what) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("bench: the " + what + " is still running after " + limit + ": giving up (exit 3)");
            for (var info : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
                System.err.print(info);
            }
            exit(3);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
