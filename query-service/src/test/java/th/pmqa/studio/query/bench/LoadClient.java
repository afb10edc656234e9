package th.pmqa.studio.query.bench;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.security.TokenMinter;
import th.pmqa.studio.report.AssessmentId;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's load generators, run by {@link ClientProcess} in a JVM of their own so that the figures are the
 * service's and not shared with a thousand clients parsing streams in the service's JVM. Speaks to its parent in
 * lines on stdout starting with {@code CLIENT } (everything else is echoed), and waits for {@code sent} on stdin.
 * <ul>
 *   <li>{@code http <port> <commands> <threads>}: the HTTP floor, then draft commands through HTTP</li>
 *   <li>{@code sse <port> <assessment> <subscribers> <updates>}: opens the report streams, says {@code connected},
 *       waits for {@code sent}, then for every update (at most 60 s), and reports the latencies</li>
 * </ul>
 * Exits non-zero on any failure, when the benchmark's JVM ends, and on its own after {@code BENCH_CLIENT_MINUTES}
 * (default 30): never hangs.
 */
public final class LoadClient {

    private LoadClient() {
    }

    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String minutes = System.getenv().getOrDefault("BENCH_CLIENT_MINUTES", "30");
        BenchRun.watchdog(Duration.ofMinutes(Long.parseLong(minutes)), "load client");
        // a benchmark that was halted (its watchdog, a kill) closes no client: end with it rather than linger
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        try {
            say("cpus=" + Runtime.getRuntime().availableProcessors());
            int port = Integer.parseInt(args[1]);
            switch (args[0]) {
                case "http" -> http(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                case "sse" -> sse(port, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                default -> throw new IllegalArgumentException("unknown client " + args[0]);
            }
            BenchRun.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            BenchRun.exit(1);
        }
    }

    static void say(String line) {
        System.out.println("CLIENT " + line);
        System.out.flush();
    }

    private static String rate(String name, CommandBench.Rate r) {
        return String.format(Locale.ROOT, "%s %.3f %.3f %.3f %d", name, r.perSecond(), r.p50Ms(), r.p99Ms(), r.count());
    }

    /** The HTTP floor and draft commands through HTTP, each province's lead editing only that province. */
    private static void http(int port, int commands, int threads) throws Exception {
        byte[] signingKey = DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir());
        String token = TokenMinter.mint(signingKey, "bench", "ผู้ทดสอบ", "BENCH", List.of("LEAD"), Duration.ofHours(1));
        String[] leads = new String[CommandBench.PROVINCES];
        for (int p = 0; p < CommandBench.PROVINCES; p++) {
            leads[p] = TokenMinter.mint(signingKey, "bench-" + p, "ผู้ทดสอบ", CommandBench.code(p), List.of("LEAD"),
                                        Duration.ofHours(1));
        }
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                                    .defaultHeader("Authorization", "Bearer " + token).build();
        CommandBench.Rate floor = CommandBench.measure(commands, threads, (thread, i) -> client.get()
                .uri("/api/assessments/NONE-2567").exchangeToMono(r -> r.releaseBody()).block());
        say(rate("floor", floor));
        Map<String, Long> revisions = new ConcurrentHashMap<>();
        CommandBench.Rate viaHttp = CommandBench.measure(commands, threads, (thread, i) -> {
            int province = thread + threads * ((i / threads) % (CommandBench.PROVINCES / threads));
            String criterion = CommandBench.CRITERIA[(i / threads / (CommandBench.PROVINCES / threads))
                                                     % CommandBench.CRITERIA.length];
            String key = province + "/" + criterion + "/deploy";
            long base = revisions.getOrDefault(key, 0L);
            Map<?, ?> answer = client.put().uri("/api/assessments/{id}/criteria/{c}/levels/basic/deploy",
                                                AssessmentId.of(CommandBench.code(province), 2567).value(), criterion)
                    .header("Authorization", "Bearer " + leads[province])
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", CommandBench.TEXT + " " + i, "baseRevision", base))
                    .retrieve().bodyToMono(Map.class).block();
            revisions.put(key, ((Number) answer.get("revision")).longValue());
        });
        say(rate("http", viaHttp));
    }

    /** Report streams of one assessment: the time from each update's change to its arrival here. */
    private static void sse(int port, String id, int subscribers, int updates) throws Exception {
        String token = System.getenv("BENCH_TOKEN");
        // reactor-netty pools 500 connections per host by default; every subscriber holds one open
        var connections = reactor.netty.resources.ConnectionProvider.builder("bench")
                .maxConnections(subscribers + 16).pendingAcquireMaxCount(-1).build();
        // the streams' bytes are cut into frames here (SseFrameReader), not by WebClient's decoder: see that class
        reactor.netty.http.client.HttpClient http = reactor.netty.http.client.HttpClient.create(connections)
                .baseUrl("http://127.0.0.1:" + port)
                .headers(h -> h.set("Authorization", "Bearer " + token).set("Accept", MediaType.TEXT_EVENT_STREAM_VALUE));
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch connected = new CountDownLatch(subscribers);
        AtomicInteger received = new AtomicInteger();
        List<Disposable> streams = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < subscribers; i++) {
            if (i % 50 == 0 && i > 0) {
                // Connect in waves of 50, as people open a report over minutes, not in one instant: this measures
                // live delivery, not a connection storm (a thousand at once starved the embedded server's heartbeat).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (subscribers - connected.getCount() < i && System.nanoTime() < deadline && failed.get() == null) {
                    Thread.sleep(10);
                }
            }
            SseFrameReader frames = new SseFrameReader();
            streams.add(http.get().uri("/api/assessments/" + id + "/stream")
                            .response((response, body) -> response.status().code() != 200
                                    ? reactor.core.publisher.Flux.error(new IllegalStateException("stream answered " + response.status()))
                                    : body.doOnNext(buffer -> frames.feed(buffer, (event, data) -> {
                                        if ("report".equals(event)) {
                                            connected.countDown();
                                        } else if ("section".equals(event)) {
                                            latencies.add(Duration.between(changeTime(data), Instant.now()).toNanos() / 1e6);
                                            received.incrementAndGet();
                                        }
                                    })))
                            .subscribe(ignored -> {
                            }, failed::set));
        }
        long connectBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!connected.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < connectBy) {
            if (failed.get() != null) {
                throw new IllegalStateException("a subscriber's stream failed", failed.get());
            }
        }
        if (connected.getCount() > 0) {
            throw new IllegalStateException("only " + (subscribers - connected.getCount()) + " subscribers connected");
        }
        say("connected");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("sent")) {
            // nothing else is said to a client
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.get() < subscribers * updates && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Double> all = new ArrayList<>(latencies);
        say(String.format(Locale.ROOT, "sse %d %.3f %.3f", received.get(), QueryBench.percentile(all, 50),
                          QueryBench.percentile(all, 99)));
        streams.forEach(Disposable::dispose);
    }

    /** The time of the change a section update carries, read from its bytes without decoding the rest. */
    private static Instant changeTime(SseFrameReader.Data update) {
        int change = update.indexOf("\"change\":", update.from());
        int at = update.indexOf("\"at\":\"", change) + 6;
        return Instant.parse(update.string(at, update.indexOf("\"", at)));
    }
}
