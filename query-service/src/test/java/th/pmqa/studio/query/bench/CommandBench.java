package th.pmqa.studio.query.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.DraftApproachCommand;
import th.pmqa.studio.command.report.commands.OpenAssessmentCommand;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.command.report.commands.SavedText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static th.pmqa.studio.infra.testing.Personas.BENCH;

/**
 * Write side against the raw driver on the same server: single-document inserts (the floor a command can reach) and
 * draft commands spread over 77 provinces × 18 sub-criteria, through the command gateway and through HTTP.
 */
final class CommandBench {

    static final int PROVINCES = 77;
    static final String[] CRITERIA = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3",
            "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3"};
    static final String TEXT = "ผู้บริหารกำหนดทิศทางและถ่ายทอดสู่การปฏิบัติทุกระดับ ครอบคลุมทุกหน่วยงานในจังหวัด "
                                       + "มีการติดตามผลทุกไตรมาส";

    record Rate(double perSecond, double p50Ms, double p99Ms, int count) {
    }

    /**
     * {@code httpFloor}: an authenticated request that does nothing (GET of an unknown assessment's 404);
     * {@code clientCpus}: the processors of the JVM the HTTP clients ran in (a process of their own).
     */
    record Result(Rate rawInserts, double rawReadsPerSecond, Rate gateway, Rate http, Rate httpFloor, int clientCpus) {
    }

    private CommandBench() {
    }

    interface Call {
        void run(int thread, int i) throws Exception;
    }

    /**
     * Runs {@code total} calls on {@code threads} threads; each call's latency counts. A quarter as many calls run
     * before, unmeasured (call numbers from {@code total} on), so that every path is measured after the JIT compiled
     * it, not the first path more cold than the others.
     */
    static Rate measure(int total, int threads, Call call) throws Exception {
        run(total, total + total / 4, threads, call, new ArrayList<>());
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(total));
        long start = System.nanoTime();
        run(0, total, threads, call, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(total / seconds, QueryBench.percentile(latencies, 50), QueryBench.percentile(latencies, 99), total);
    }

    private static void run(int from, int to, int threads, Call call, List<Double> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = from + thread; i < to; i += threads) {
                    long t0 = System.nanoTime();
                    call.run(thread, i);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    static Result run(MongoDatabase db, String database, int commands, int threads) throws Exception {
        // raw: what one event document costs the driver, with the same two unique indexes the event store has
        MongoCollection<Document> raw = db.getCollection("raw_bench");
        raw.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
        raw.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
        Rate rawInserts = measure(commands, threads, (thread, i) -> raw.insertOne(
                new Document("_id", (long) i).append("aggregateIdentifier", "P" + (i % PROVINCES))
                        .append("sequenceNumber", (long) i).append("eventIdentifier", "raw-" + i)
                        .append("payload", "{\"text\":\"" + TEXT + "\",\"revision\":" + i + "}")));
        List<Double> reads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            int n = 0;
            for (Document ignored : raw.find()) {
                n++;
            }
            reads.add(n / ((System.nanoTime() - t0) / 1e9));
        }
        double rawReads = QueryBench.percentile(reads, 50);

        ConfigurableApplicationContext command = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run("--server.port=0", "--studio.mongodb.uri=" + MongoTestServer.uri(database),
                     "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                     "--studio.rate-limit.writes-per-minute=10000000");
        try {
            CommandGateway gateway = command.getBean(CommandGateway.class);
            Author author = BENCH;
            for (int p = 0; p < PROVINCES; p++) {
                gateway.sendAndWait(new OpenAssessmentCommand(AssessmentId.of(code(p), 2567), code(p),
                        "จังหวัดที่ " + (p + 1), OrganizationType.PROVINCE, 2567, "pmqa-4.0/2567", author));
            }
            // every thread owns its provinces, so revisions are known and no command is refused as stale
            Map<String, Long> revisions = new ConcurrentHashMap<>();
            Rate viaGateway = measure(commands, threads, (thread, i) -> {
                int province = thread + threads * ((i / threads) % (PROVINCES / threads));
                String criterion = CRITERIA[(i / threads / (PROVINCES / threads)) % CRITERIA.length];
                String key = province + "/" + criterion + "/approach";
                long base = revisions.getOrDefault(key, 0L);
                SavedText saved = gateway.sendAndWait(new DraftApproachCommand(AssessmentId.of(code(province), 2567),
                        new CriterionId(criterion), LevelKind.BASIC, TEXT + " " + i, base, author));
                revisions.put(key, saved.revision());
            });

            // the HTTP clients run in a JVM of their own, so the figures are the service's (LoadClient "http")
            int port = ((WebServerApplicationContext) command).getWebServer().getPort();
            try (ClientProcess clients = ClientProcess.start("512m", Map.of(), "http", port, commands, threads)) {
                Duration limit = Duration.ofMinutes(30);
                Rate floor = clients.rate("floor", limit);
                Rate viaHttp = clients.rate("http", limit);
                return new Result(rawInserts, rawReads, viaGateway, viaHttp, floor, clients.cpus);
            }
        } finally {
            command.close();
        }
    }

    static String code(int province) {
        return String.format("P%02d", province + 1);
    }
}
