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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.security.TokenMinter;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.QueryServiceApplication;
import th.pmqa.studio.query.timetravel.TimeTravel;
import th.pmqa.studio.report.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    public static void main(String[] args) throws Exception {
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
            BrowserSaveBench.run(argument(args, "--saves", 50));
            System.exit(0);
        }
        boolean quick = List.of(args).contains("--quick");
        int events = quick ? 2_000 : 10_000;
        int subscribers = argument(args, "--subscribers", quick ? 200 : 1_000);
        int updates = quick ? 50 : 200;
        String database = MongoTestServer.freshDatabaseName("bench");
        MongoDatabase db = MongoClients.create(MongoTestServer.uri()).getDatabase(database);
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db)
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).build();

        if (List.of(args).contains("--merge-only")) { // the worst cases of diffing and merging alone
            MergeBench.run(database);
            db.drop();
            System.exit(0);
        }
        int commands = argument(args, "--commands", quick ? 2_000 : 10_000);
        int threads = argument(args, "--threads", 8);
        CommandBench.Result writes = CommandBench.run(db, database, commands, threads);
        System.out.printf(Locale.ROOT, "raw single inserts (%d threads): %.0f/s, p50 %.2f ms, p99 %.2f ms%n", threads,
                          writes.rawInserts().perSecond(), writes.rawInserts().p50Ms(), writes.rawInserts().p99Ms());
        System.out.printf(Locale.ROOT, "draft commands via gateway: %.0f/s (%.2fx raw), p50 %.2f ms, p99 %.2f ms%n",
                          writes.gateway().perSecond(), writes.gateway().perSecond() / writes.rawInserts().perSecond(),
                          writes.gateway().p50Ms(), writes.gateway().p99Ms());
        System.out.printf(Locale.ROOT, "draft commands via HTTP: %.0f/s (%.2fx raw), p50 %.2f ms, p99 %.2f ms%n",
                          writes.http().perSecond(), writes.http().perSecond() / writes.rawInserts().perSecond(),
                          writes.http().p50Ms(), writes.http().p99Ms());
        System.out.printf(Locale.ROOT, "HTTP floor (authenticated request answered 404 at once): %.0f/s, p50 %.2f ms, p99 %.2f ms%n",
                          writes.httpFloor().perSecond(), writes.httpFloor().p50Ms(), writes.httpFloor().p99Ms());
        System.out.printf(Locale.ROOT, "raw cursor reads: %.0f documents/s%n", writes.rawReadsPerSecond());

        if (List.of(args).contains("--commands-only")) { // for profiling the write side alone
            db.drop();
            System.exit(0);
        }

        MergeBench.run(database);

        String id = "BENCH-2567";
        long setup = System.nanoTime();
        seed(engine, id, events);
        System.out.printf(Locale.ROOT, "seeded %d events in %.1f s on %s%n", events, (System.nanoTime() - setup) / 1e9,
                          MongoTestServer.serverName());

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
        TimeTravel travel = new TimeTravel(engine);
        long t0 = System.nanoTime();
        travel.atPosition(id, Long.MAX_VALUE); // cold: folds everything, leaves checkpoints behind
        double cold = (System.nanoTime() - t0) / 1e6;
        Random random = new Random(7);
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long position = 1 + random.nextInt(events);
            long t = System.nanoTime();
            travel.atPosition(id, position);
            warm.add((System.nanoTime() - t) / 1e6);
        }
        double rawMedian = percentile(raw, 50);
        System.out.printf(Locale.ROOT, "raw cursor read of %d events: median %.1f ms%n", events, rawMedian);
        System.out.printf(Locale.ROOT, "as-of report, first request (full fold): %.1f ms (%.2fx raw read)%n", cold, cold / rawMedian);
        System.out.printf(Locale.ROOT, "as-of report at random positions: median %.1f ms, p99 %.1f ms (%.2fx raw read)%n",
                          percentile(warm, 50), percentile(warm, 99), percentile(warm, 50) / rawMedian);
        LargeTimeTravelBench.inOwnDatabase(argument(args, "--large-edits", quick ? 480 : 1_000)).print();

        // event → SSE latency with many subscribers on one query node
        ConfigurableApplicationContext query = new SpringApplicationBuilder(QueryServiceApplication.class)
                .run("--server.port=0", "--studio.mongodb.uri=" + MongoTestServer.uri(database),
                     "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                     "--studio.eventstore.fetch-delay=20ms", "--studio.live.poll-interval=20ms");
        int port = ((WebServerApplicationContext) query).getWebServer().getPort();
        String token = TokenMinter.mint(DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir()), "bench", "bench",
                                        "BENCH", List.of("FACILITATOR", "ADMIN"), Duration.ofHours(1));
        // reactor-netty pools 500 connections per host by default; every subscriber holds one open
        var connections = reactor.netty.resources.ConnectionProvider.builder("bench")
                .maxConnections(subscribers + 16).pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                                    .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                                            reactor.netty.http.client.HttpClient.create(connections)))
                                    .defaultHeader("Authorization", "Bearer " + token).build();
        waitForReport(client, id, engine.headPosition());
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch connected = new CountDownLatch(subscribers);
        AtomicInteger received = new AtomicInteger();
        List<Disposable> streams = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            if (i % 50 == 0 && i > 0) {
                // Connect in waves of 50, as people open a report over minutes, not in one instant: this measures
                // live delivery, not a connection storm (a thousand at once starved the embedded server's heartbeat).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (subscribers - connected.getCount() < i && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            streams.add(client.get().uri("/api/assessments/{id}/stream", id).accept(MediaType.TEXT_EVENT_STREAM)
                              .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                              })
                              .subscribe(e -> {
                                  if ("report".equals(e.event())) {
                                      connected.countDown();
                                  } else if ("section".equals(e.event())) {
                                      // the clients share this JVM with the server: read only the event time,
                                      // without parsing the whole update, so they cost little of its CPU
                                      latencies.add(Duration.between(changeTime(e.data()), Instant.now()).toNanos() / 1e6);
                                      received.incrementAndGet();
                                  }
                              }));
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (subscribers - connected.getCount()) + " subscribers connected");
        }
        long sequence = events;
        for (int i = 0; i < updates; i++) {
            append(engine, id, sequence++, new ApproachDraftedEvent(new AssessmentId(id), new CriterionId("1.1"),
                    LevelKind.BASIC, "อัปเดตที่ " + i, sequence, new Author("bench", "bench"), Instant.now()));
            Thread.sleep(20);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.get() < subscribers * updates && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        List<Double> all = new ArrayList<>(latencies);
        System.out.printf(Locale.ROOT, "SSE: %d subscribers × %d updates: %d delivered, latency p50 %.1f ms, p99 %.1f ms, "
                                       + "heap after GC %d MB (the query node and its %d clients share this JVM%s)%n",
                          subscribers, updates, received.get(), percentile(all, 50), percentile(all, 99), heapMb, subscribers,
                          "embedded".equals(MongoTestServer.serverName()) ? ", and so does the in-memory MongoDB" : "");
        streams.forEach(Disposable::dispose);

        // rebuild: every event of the store (the runs above plus one busy year of 77 provinces) into fresh read models
        int rebuildEvents = argument(args, "--rebuild-events", quick ? 50_000 : 1_000_000);
        long seeding = System.nanoTime();
        seedProvinces(engine, rebuildEvents);
        long total = engine.headPosition();
        System.out.printf(Locale.ROOT, "seeded %d more events over %d provinces in %.1f s (%d in the store)%n",
                          rebuildEvents, CommandBench.PROVINCES, (System.nanoTime() - seeding) / 1e9, total);
        double rawRead = rawReadRate(db);
        double rebuildRate = rebuildRate(client, total);
        System.out.printf(Locale.ROOT, "raw cursor read of the whole store: %.0f events/s%n", rawRead);
        System.out.printf(Locale.ROOT, "rebuild of %d events: %.0f events/s (%.2fx raw cursor read)%n", total,
                          rebuildRate, rebuildRate / rawRead);
        System.out.printf(Locale.ROOT, "RESULT server=%s commands_per_s=%.0f raw_inserts_per_s=%.0f commands_vs_raw=%.2f "
                                       + "command_p99_ms=%.2f raw_insert_p99_ms=%.2f rebuild_events_per_s=%.0f "
                                       + "rebuild_vs_raw_read=%.2f sse_p99_ms=%.1f sse_subscribers=%d heap_mb=%d asof_ms=%.1f%n",
                          MongoTestServer.serverName(), writes.http().perSecond(), writes.rawInserts().perSecond(),
                          writes.http().perSecond() / writes.rawInserts().perSecond(), writes.http().p99Ms(),
                          writes.rawInserts().p99Ms(), rebuildRate, rebuildRate / rawRead,
                          percentile(all, 99), subscribers, heapMb, percentile(warm, 50));
        query.close();
        db.drop();
        System.exit(0);
    }

    private static void seed(MongoEventStorageEngine engine, String id, int events) {
        AssessmentId assessment = new AssessmentId(id);
        Author author = new Author("bench", "ผู้ทดสอบ");
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
        Author author = new Author("bench", "ผู้ทดสอบ");
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

    private static void append(MongoEventStorageEngine engine, String id, long sequence, Object payload) {
        engine.appendEvents(message(id, sequence, payload));
    }

    private static GenericDomainEventMessage<?> message(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Assessment", id, sequence, payload);
    }

    /** Drops and rebuilds the read models through the admin endpoint; events per second until caught up. */
    private static double rebuildRate(WebClient client, long minimum) throws InterruptedException {
        long t0 = System.nanoTime();
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

    private static Instant changeTime(String update) {
        int change = update.indexOf("\"change\":");
        int at = update.indexOf("\"at\":\"", change) + 6;
        return Instant.parse(update.substring(at, update.indexOf('"', at)));
    }

    private static int argument(String[] args, String name, int fallback) {
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
