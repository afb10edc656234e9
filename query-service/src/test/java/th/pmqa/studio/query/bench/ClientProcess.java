package th.pmqa.studio.query.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoadClient} in a JVM of its own: started with this JVM's class path, its {@code CLIENT …} lines queued for
 * {@link #expect}, the rest of its output echoed. Closing it kills it if it is still running.
 */
final class ClientProcess implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> said = new LinkedBlockingQueue<>();
    /** The client's available processors, as it reported them. */
    final int cpus;

    private ClientProcess(Process process) throws InterruptedException {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("CLIENT ")) {
                        said.add(line.substring("CLIENT ".length()));
                    } else {
                        System.out.println("client: " + line);
                    }
                }
            } catch (IOException ignored) {
                // the client is gone; expect() says so
            }
        }, "bench-client-output");
        reader.setDaemon(true);
        reader.start();
        this.cpus = Integer.parseInt(expect("cpus=", Duration.ofMinutes(2)).substring("cpus=".length()));
    }

    /** Starts {@code LoadClient args…} with {@code env} added to this process's environment. */
    static ClientProcess start(String heap, Map<String, String> env, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Dfile.encoding=UTF-8"));
        // BENCH_CLIENT_JAVA_OPTS: e.g. a flight recording of the load client, as BENCH_JAVA_OPTS is for the service
        String options = System.getenv().getOrDefault("BENCH_CLIENT_JAVA_OPTS", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadClient.class.getName()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        return new ClientProcess(builder.start());
    }

    /** The next line the client says that starts with {@code prefix}; fails if it dies or is silent too long. */
    String expect(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = said.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && said.isEmpty()) {
                throw new IllegalStateException("the load client ended (exit " + process.exitValue() + ") before saying '"
                                                + prefix + "'");
            }
        }
        throw new IllegalStateException("the load client did not say '" + prefix + "' within " + timeout);
    }

    /** A {@code CommandBench.Rate} the client reported as {@code name perSecond p50 p99 count}. */
    CommandBench.Rate rate(String name, Duration timeout) throws InterruptedException {
        String[] f = expect(name + " ", timeout).split(" ");
        return new CommandBench.Rate(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                                     Integer.parseInt(f[4]));
    }

    void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
