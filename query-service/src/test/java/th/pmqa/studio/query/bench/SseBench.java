package th.pmqa.studio.query.bench;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.report.ApproachDraftedEvent;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Event → SSE latency with many subscribers on one query node, the subscribers in a JVM of their own. */
final class SseBench {

    private SseBench() {
    }

    static void print(BenchRun.Sizes sizes, Result sse, int cpus) {
        System.out.printf(Locale.ROOT, "SSE: %d subscribers × %d updates: %d delivered, latency p50 %.1f ms, p99 %.1f ms, "
                                       + "heap of the query node after GC %d MB (clients in their own JVM, %d cpus; "
                                       + "query node %d cpus; %s)%n",
                          sizes.subscribers(), sizes.updates(), sse.delivered(), sse.p50Ms(), sse.p99Ms(), sse.heapMb(),
                          sse.clientCpus(), cpus, "embedded".equals(MongoTestServer.serverName())
                                                  ? "the in-memory database in the query node's JVM" : "the database in a process of its own");
    }

    record Result(int delivered, double p50Ms, double p99Ms, long heapMb, int clientCpus) {
    }

    /**
     * Event → SSE latency with many subscribers on one query node: the subscribers run in a JVM of their own
     * ({@link LoadClient} "sse"), so the query node's CPU and heap are its own.
     */
    static Result run(MongoEventStorageEngine engine, int port, String token, String id, long firstSequence,
                      int subscribers, int updates) throws Exception {
        String heap = subscribers > 300 ? "1g" : "512m";
        try (ClientProcess clients = ClientProcess.start(heap, Map.of("BENCH_TOKEN", token), "sse", port, id, subscribers,
                                                          updates)) {
            clients.expect("connected", Duration.ofMinutes(10));
            long sequence = firstSequence;
            System.out.println("SSE updates sent from " + Instant.now()); // where a profile's delivery part begins
            for (int i = 0; i < updates; i++) {
                QueryBench.append(engine, id, sequence++, new ApproachDraftedEvent(new AssessmentId(id), new CriterionId("1.1"),
                        LevelKind.BASIC, "อัปเดตที่ " + i, sequence, new Author("bench", "bench"), Instant.now()));
                Thread.sleep(20);
            }
            clients.send("sent");
            String[] f = clients.expect("sse ", Duration.ofMinutes(3)).split(" ");
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            return new Result(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), heapMb,
                              clients.cpus);
        }
    }
}
