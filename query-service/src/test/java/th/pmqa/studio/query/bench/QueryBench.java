package th.pmqa.studio.query.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.QueryServiceApplication;
import th.pmqa.studio.query.projection.TimeTravel;
import th.pmqa.studio.query.store.ReportCheckpointStore;
import th.pmqa.studio.report.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static th.pmqa.studio.infra.testing.Personas.BENCH;

/**
 * Read-side benchmark (infra/bench.sh runs it): time travel on an assessment of N events against the raw cursor
 * read of the same events, and event → SSE latency with many subscribers on one query node. Prints ratios against
 * baselines measured in the same run; no pass/fail.
 */
public final class QueryBench {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final String[] CRITERIA = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3",
            "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3"};

    private QueryBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            BenchRun.exit(0);
        } catch (Throwable t) {
            // a failure must end the run with a non-zero status, never leave a JVM behind that CI waits for
            System.out.flush();
            System.err.println("bench: FAILED: " + t);
            t.printStackTrace();
            BenchRun.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        if (List.of(args).contains("--export-only")) { // Word and PDF exports of a large report, alone
            ExportBench.main(args);
            return;
        }
        if (List.of(args).contains("--large-time-travel-only")) {
            LargeTimeTravelBench.main(args);
            return;
        }
        if (List.of(args).contains("--timeslider-browser-only")) { // the history timeslider in headless Chromium
            TimesliderBrowserBench.main(args);
            return;
        }
        if (List.of(args).contains("--dashboard-browser-only")) {
            DashboardBrowserBench.main(args);
            return;
        }
        if (List.of(args).contains("--browser-only")) { // save in one Chromium window → seen in another, alone
            BrowserSaveBench.run(argument(args, "--saves", 50), true);
            return;
        }
        BenchRun.Sizes sizes = BenchRun.Sizes.of(args);
        BenchRun.watchdog(sizes.limit(), "benchmark");
        int cpus = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "mode %s: %s%n", sizes.mode(), sizes);
        String database = MongoTestServer.freshDatabaseName("bench");
        MongoDatabase db = MongoClients.create(MongoTestServer.uri()).getDatabase(database);
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db)
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).build();

        if (List.of(args).contains("--merge-only")) { // the worst cases of diffing and merging alone
            double mergeWorst = MergeBench.run(database, false);
            System.out.printf(Locale.ROOT, "RESULT server=%s mode=merge merge_worst_ms=%.1f%n",
                              MongoTestServer.serverName(), mergeWorst);
            db.drop();
            return;
        }
        if (List.of(args).contains("--rebuild-only")) { // for profiling the rebuild alone
            seedProvinces(engine, sizes.rebuildEvents());
            try (ConfigurableApplicationContext query = queryNode(database)) {
                WebClient client = adminClient(query);
                Rebuild rebuild = rebuild(db, client, engine.headPosition());
                System.out.printf(Locale.ROOT, "RESULT server=%s mode=rebuild rebuild_events=%d rebuild_events_per_s=%.0f "
                                               + "rebuild_vs_raw_read=%.2f%n", MongoTestServer.serverName(),
                                  rebuild.events(), rebuild.perSecond(), rebuild.vsRaw());
            }
            db.drop();
            return;
        }
        if (List.of(args).contains("--asof-only")) { // time travel alone
            String id = "BENCH-2567";
            seed(engine, id, sizes.events());
            AsOf asOf = asOf(engine, db, id, sizes.events());
            System.out.printf(Locale.ROOT, "RESULT server=%s mode=asof asof_events=%d asof_ms=%.1f asof_first_ms=%.1f "
                                           + "asof_fold_ms=%.1f asof_first_memory_only_ms=%.1f asof_raw_read_ms=%.1f%n",
                              MongoTestServer.serverName(), sizes.events(), asOf.medianMs(), asOf.firstOnNodeMs(),
                              asOf.foldMs(), asOf.memoryOnlyFirstMs(), asOf.rawMedianMs());
            db.drop();
            return;
        }
        if (List.of(args).contains("--sse-only")) { // event → SSE alone: seed one assessment, then the live updates
            String id = "BENCH-2567";
            seed(engine, id, sizes.events());
            try (ConfigurableApplicationContext query = queryNode(database)) {
                waitForReport(adminClient(query), id, engine.headPosition());
                SseBench.Result sse = SseBench.run(engine, ((WebServerApplicationContext) query).getWebServer().getPort(), adminToken(), id,
                                    sizes.events(), sizes.subscribers(), sizes.updates());
                SseBench.print(sizes, sse, cpus);
                System.out.printf(Locale.ROOT, "RESULT server=%s mode=sse sse_p99_ms=%.1f sse_p50_ms=%.1f sse_subscribers=%d "
                                               + "sse_delivered_share=%.3f heap_mb=%d service_cpus=%d client_cpus=%d%n",
                                  MongoTestServer.serverName(), sse.p99Ms(), sse.p50Ms(), sizes.subscribers(),
                                  sse.delivered() / (double) (sizes.subscribers() * sizes.updates()), sse.heapMb(), cpus,
                                  sse.clientCpus());
            }
            db.drop();
            return;
        }
        int threads = sizes.threads();
        CommandBench.Result writes = CommandBench.run(db, database, sizes.commands(), threads);
        System.out.printf(Locale.ROOT, "raw single inserts (%d threads): %.0f/s, p50 %.2f ms, p99 %.2f ms%n", threads,
                          writes.rawInserts().perSecond(), writes.rawInserts().p50Ms(), writes.rawInserts().p99Ms());
        System.out.printf(Locale.ROOT, "draft commands via gateway: %.0f/s (%.2fx raw), p50 %.2f ms, p99 %.2f ms%n",
                          writes.gateway().perSecond(), writes.gateway().perSecond() / writes.rawInserts().perSecond(),
                          writes.gateway().p50Ms(), writes.gateway().p99Ms());
        System.out.printf(Locale.ROOT, "draft commands via HTTP (clients in their own JVM, %d cpus; service %d cpus): "
                                       + "%.0f/s (%.2fx raw, %.2fx the HTTP floor), p50 %.2f ms, p99 %.2f ms%n",
                          writes.clientCpus(), cpus, writes.http().perSecond(),
                          writes.http().perSecond() / writes.rawInserts().perSecond(),
                          writes.http().perSecond() / writes.httpFloor().perSecond(), writes.http().p50Ms(), writes.http().p99Ms());
        System.out.printf(Locale.ROOT, "HTTP floor (authenticated request answered 404 at once): %.0f/s, p50 %.2f ms, p99 %.2f ms%n",
                          writes.httpFloor().perSecond(), writes.httpFloor().p50Ms(), writes.httpFloor().p99Ms());
        System.out.printf(Locale.ROOT, "raw cursor reads: %.0f documents/s%n", writes.rawReadsPerSecond());

        if (List.of(args).contains("--commands-only")) { // for profiling the write side alone
            System.out.printf(Locale.ROOT, "RESULT server=%s mode=commands %s%n", MongoTestServer.serverName(),
                              commandKeys(writes));
            db.drop();
            return;
        }

        double mergeWorst = MergeBench.run(database, sizes.mode().equals("smoke"));

        String id = "BENCH-2567";
        int events = sizes.events();
        long setup = System.nanoTime();
        seed(engine, id, events);
        System.out.printf(Locale.ROOT, "seeded %d events in %.1f s on %s%n", events, (System.nanoTime() - setup) / 1e9,
                          MongoTestServer.serverName());

        AsOf asOf = asOf(engine, db, id, events);
        LargeTimeTravelBench.inOwnDatabase(sizes.largeEdits()).print();

        ConfigurableApplicationContext query = queryNode(database);
        int port = ((WebServerApplicationContext) query).getWebServer().getPort();
        String token = adminToken();
        WebClient client = adminClient(query);
        waitForReport(client, id, engine.headPosition());
        SseBench.Result sse = SseBench.run(engine, port, token, id, events, sizes.subscribers(), sizes.updates());
        SseBench.print(sizes, sse, cpus);
        if (sse.delivered() == 0) {
            throw new IllegalStateException("no SSE update reached any subscriber");
        }

        // rebuild: every event of the store (the runs above plus one busy year of 77 provinces) into fresh read models
        long seeding = System.nanoTime();
        seedProvinces(engine, sizes.rebuildEvents());
        System.out.printf(Locale.ROOT, "seeded %d more events over %d provinces in %.1f s (%d in the store)%n",
                          sizes.rebuildEvents(), CommandBench.PROVINCES, (System.nanoTime() - seeding) / 1e9,
                          engine.headPosition());
        Rebuild rebuild = rebuild(db, client, engine.headPosition());
        long total = rebuild.events();
        double rebuildRate = rebuild.perSecond();
        double rawRead = rebuild.rawPerSecond();
        query.close();
        db.drop();
        String browser = "";
        if (sizes.browser()) {
            browser = String.format(Locale.ROOT, " browser_p95_ms=%.1f", BrowserSaveBench.run(argument(args, "--saves", 50), false));
        }
        System.out.printf(Locale.ROOT, "RESULT server=%s mode=%s %s rebuild_events=%d rebuild_events_per_s=%.0f "
                                       + "rebuild_vs_raw_read=%.2f sse_p99_ms=%.1f sse_p50_ms=%.1f sse_subscribers=%d "
                                       + "sse_delivered_share=%.3f heap_mb=%d asof_ms=%.1f asof_first_ms=%.1f merge_worst_ms=%.1f%s "
                                       + "service_cpus=%d client_cpus=%d%n",
                          MongoTestServer.serverName(), sizes.mode(), commandKeys(writes), total, rebuildRate,
                          rebuildRate / rawRead, sse.p99Ms(), sse.p50Ms(), sizes.subscribers(),
                          sse.delivered() / (double) (sizes.subscribers() * sizes.updates()), sse.heapMb(),
                          asOf.medianMs(), asOf.firstOnNodeMs(), mergeWorst, browser, cpus, sse.clientCpus());
    }

    /** Time travel's figures: {@code firstOnNodeMs} is a node's first request once checkpoints are stored. */
    record AsOf(double rawMedianMs, double foldMs, double firstOnNodeMs, double medianMs, double p99Ms,
                double memoryOnlyFirstMs) {
    }

    /**
     * Time travel on one assessment of {@code events} events against the raw read of them: the first request ever
     * (a fold from the start, which stores checkpoints), the first request on new nodes (fresh instances, empty
     * memory, the stored checkpoints) at random positions, and later requests on one node at random positions.
     */
    static AsOf asOf(MongoEventStorageEngine engine, MongoDatabase db, String id, int events) {
        // baseline: the raw driver reading the same documents
        List<Double> raw = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            int n = db.getCollection("events").find(Filters.eq("aggregateIdentifier", id)).into(new ArrayList<>()).size();
            raw.add((System.nanoTime() - t) / 1e6);
            if (n != events) {
                throw new IllegalStateException("expected " + events + " documents, read " + n);
            }
        }
        ReportCheckpointStore stored = new ReportCheckpointStore(db);
        stored.drop(); // a fold from the start, whatever ran before
        TimeTravel travel = new TimeTravel(engine, TimeTravel.DEFAULT_CHECKPOINT_BYTES, stored);
        long t0 = System.nanoTime();
        travel.atPosition(id, Long.MAX_VALUE); // the first request ever: folds everything, stores checkpoints
        double fold = (System.nanoTime() - t0) / 1e6;
        Random random = new Random(7);
        List<Double> firsts = new ArrayList<>();
        for (int i = 0; i < 11; i++) { // a new node each: empty memory, the checkpoints in the store
            TimeTravel newNode = new TimeTravel(engine, TimeTravel.DEFAULT_CHECKPOINT_BYTES, stored);
            long position = i == 0 ? Long.MAX_VALUE : 1 + random.nextInt(events);
            long t = System.nanoTime();
            newNode.atPosition(id, position);
            firsts.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long position = 1 + random.nextInt(events);
            long t = System.nanoTime();
            travel.atPosition(id, position);
            warm.add((System.nanoTime() - t) / 1e6);
        }
        // what a new node did before checkpoints were stored: fold from the start (to the end, as the first request above)
        long t1 = System.nanoTime();
        new TimeTravel(engine).atPosition(id, Long.MAX_VALUE);
        double memoryOnly = (System.nanoTime() - t1) / 1e6;
        double rawMedian = percentile(raw, 50);
        AsOf asOf = new AsOf(rawMedian, fold, percentile(firsts, 50), percentile(warm, 50), percentile(warm, 99), memoryOnly);
        System.out.printf(Locale.ROOT, "raw cursor read of %d events: median %.1f ms%n", events, rawMedian);
        System.out.printf(Locale.ROOT, "as-of report, first request ever (full fold, stores checkpoints): %.1f ms (%.2fx raw read)%n",
                          fold, fold / rawMedian);
        System.out.printf(Locale.ROOT, "as-of report, first request on a new node (stored checkpoints), 11 nodes: median %.1f ms, "
                                       + "worst %.1f ms (%.2fx raw read)%n", asOf.firstOnNodeMs(), percentile(firsts, 100),
                          asOf.firstOnNodeMs() / rawMedian);
        System.out.printf(Locale.ROOT, "as-of report at random positions: median %.1f ms, p99 %.1f ms (%.2fx raw read)%n",
                          asOf.medianMs(), asOf.p99Ms(), asOf.medianMs() / rawMedian);
        System.out.printf(Locale.ROOT, "as-of report, first request on a new node with checkpoints in memory only (before they "
                                       + "were stored): %.1f ms (%.2fx raw read)%n", memoryOnly, memoryOnly / rawMedian);
        return asOf;
    }

    private static String commandKeys(CommandBench.Result w) {
        return String.format(Locale.ROOT, "commands_per_s=%.0f raw_inserts_per_s=%.0f gateway_per_s=%.0f http_floor_per_s=%.0f "
                                          + "commands_vs_raw=%.2f gateway_vs_raw=%.2f http_vs_floor=%.2f command_p99_ms=%.2f "
                                          + "raw_insert_p99_ms=%.2f",
                             w.http().perSecond(), w.rawInserts().perSecond(), w.gateway().perSecond(),
                             w.httpFloor().perSecond(), w.http().perSecond() / w.rawInserts().perSecond(),
                             w.gateway().perSecond() / w.rawInserts().perSecond(),
                             w.http().perSecond() / w.httpFloor().perSecond(), w.http().p99Ms(), w.rawInserts().p99Ms());
    }

    private static ConfigurableApplicationContext queryNode(String database) {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .run("--server.port=0", "--studio.mongodb.uri=" + MongoTestServer.uri(database),
                     "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    private static String adminToken() {
        return DevelopmentTokens.mint("bench", "bench", "BENCH", List.of("FACILITATOR", "ADMIN"), Duration.ofHours(1));
    }

    private static WebClient adminClient(ConfigurableApplicationContext query) {
        int port = ((WebServerApplicationContext) query).getWebServer().getPort();
        return WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                        .defaultHeader("Authorization", "Bearer " + adminToken()).build();
    }

    record Rebuild(long events, double perSecond, double rawPerSecond) {
        double vsRaw() {
            return perSecond / rawPerSecond;
        }
    }

    /** The raw cursor read of the whole store, then a drop-and-rebuild of the read models, each timed. */
    private static Rebuild rebuild(MongoDatabase db, WebClient client, long total) throws InterruptedException {
        double rawRead = rawReadRate(db);
        double rebuildRate = rebuildRate(client, total);
        System.out.printf(Locale.ROOT, "raw cursor read of the whole store: %.0f events/s%n", rawRead);
        System.out.printf(Locale.ROOT, "rebuild of %d events: %.0f events/s (%.2fx raw cursor read)%n", total,
                          rebuildRate, rebuildRate / rawRead);
        return new Rebuild(total, rebuildRate, rawRead);
    }

    private static void seed(MongoEventStorageEngine engine, String id, int events) {
        AssessmentId assessment = new AssessmentId(id);
        Author author = BENCH;
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        batch.add(message(id, 0, new AssessmentOpenedEvent(assessment, "BENCH", "จังหวัดทดสอบ", OrganizationType.PROVINCE,
                                                          2567, "pmqa-4.0/2567", author, Instant.now())));
        for (int i = 1; i < events; i++) {
            String criterion = CRITERIA[i % CRITERIA.length];
            LevelKind level = LevelKind.values()[(i / CRITERIA.length) % 3];
            batch.add(message(id, i, new DeploymentDraftedEvent(assessment, new CriterionId(criterion), level,
                    "การนำแนวทางไปปฏิบัติครั้งที่ " + i + " ครอบคลุมทุกหน่วยงาน", i, author, Instant.now())));
            if (batch.size() == 100) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
    }

    /** A year of drafting in 77 provinces: commits of up to 100 events, each on one assessment, round robin. */
    private static void seedProvinces(MongoEventStorageEngine engine, int count) {
        Author author = BENCH;
        long[] sequences = new long[CommandBench.PROVINCES];
        int written = 0;
        for (int p = 0; p < CommandBench.PROVINCES && written < count; p++, written++) {
            String id = "Y" + CommandBench.code(p) + "-2567";
            engine.appendEvents(message(id, sequences[p]++, new AssessmentOpenedEvent(new AssessmentId(id), "Y" + CommandBench.code(p),
                    "จังหวัดที่ " + (p + 1), OrganizationType.PROVINCE, 2567, "pmqa-4.0/2567", author, Instant.now())));
        }
        List<GenericDomainEventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; written < count; i++) {
            int p = i % CommandBench.PROVINCES;
            String id = "Y" + CommandBench.code(p) + "-2567";
            for (int k = 0; k < 100 && written < count; k++, written++) {
                long sequence = sequences[p]++;
                String criterion = CRITERIA[(int) (sequence % CRITERIA.length)];
                LevelKind level = LevelKind.values()[(int) ((sequence / CRITERIA.length) % 3)];
                commit.add(message(id, sequence, new ApproachDraftedEvent(new AssessmentId(id), new CriterionId(criterion), level,
                        "ผู้บริหารกำหนดทิศทางและถ่ายทอดสู่การปฏิบัติ ฉบับที่ " + sequence, sequence / CRITERIA.length + 1,
                        author, Instant.now())));
            }
            engine.appendEvents(commit);
            commit.clear();
        }
    }

    /** The driver alone reading every event document: the ceiling for a replay. */
    private static double rawReadRate(MongoDatabase db) {
        long t0 = System.nanoTime();
        long n = 0;
        for (Document ignored : db.getCollection("events").find().batchSize(1000)) {
            n++;
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    static void append(MongoEventStorageEngine engine, String id, long sequence, Object payload) {
        engine.appendEvents(message(id, sequence, payload));
    }

    private static GenericDomainEventMessage<?> message(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Assessment", id, sequence, payload);
    }

    /** Drops and rebuilds the read models through the admin endpoint; events per second until caught up. */
    private static double rebuildRate(WebClient client, long minimum) throws InterruptedException {
        long t0 = System.nanoTime();
        System.out.println("rebuild started at " + Instant.now()); // where a profile's rebuild part begins
        client.post().uri("/api/admin/projections/rebuild").retrieve().toBodilessEntity().block();
        while (true) {
            Map<?, ?> status = client.get().uri("/api/admin/projections").retrieve().bodyToMono(Map.class).block();
            Map<?, ?> last = (Map<?, ?>) status.get("lastRebuild");
            if (last != null && Boolean.TRUE.equals(last.get("done"))) {
                long processed = ((Number) last.get("total")).longValue();
                return Math.max(processed, minimum) / ((System.nanoTime() - t0) / 1e9);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the report holds every seeded event, so latencies measure live updates, not the backlog. */
    private static void waitForReport(WebClient client, String id, long position) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                Map<?, ?> report = client.get().uri("/api/assessments/{id}/report", id).retrieve().bodyToMono(Map.class).block();
                if (report != null && ((Number) report.get("position")).longValue() >= position) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not projected yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the projection did not catch up");
    }

    static int argument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
