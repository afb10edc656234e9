package th.pmqa.studio.query.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.model.ChangeDescriber;
import th.pmqa.studio.query.view.ReportDiff;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.command.report.commands.DraftProfileItemCommand;
import th.pmqa.studio.command.report.commands.OpenAssessmentCommand;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.command.report.commands.SavedText;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static th.pmqa.studio.infra.testing.Personas.BENCH;

/**
 * Worst cases of diffing and merging (issue 11), in CPU time of the thread doing the work, against a normal small
 * edit measured in the same run: a stale edit merged through the command gateway (the handler runs on the calling
 * thread), the history's description of a change (its word diff), and a report diff whose texts were all rewritten.
 * {@code infra/bench.sh --merge-only} runs this alone.
 */
final class MergeBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String PARAGRAPH = "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน ผู้บริหารถ่ายทอดสู่การปฏิบัติทุกระดับ "
                                            + "ครอบคลุมทุกหน่วยงานในจังหวัด มีการติดตามผลทุกไตรมาส 👩‍💻\n";
    /** Measurements per figure (their median counts); one in a smoke run, which checks only that the bench runs. */
    private static int repeats = 9;

    /** A stale edit: what the writer started from, what was stored since, what the writer sends. */
    record Case(String name, String base, String theirs, String yours) {
    }

    /** The worst cases found for the word diff and the merge, each of the largest allowed size (50,000 code points). */
    static List<Case> worstCases() {
        Random random = new Random(2567);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("issue 11: 'a '×25,000, then 'x', stale 'y'", "a ".repeat(25_000), "x", "y"));
        cases.add(new Case("every one-letter word rewritten on both sides", "a ".repeat(25_000), "b ".repeat(25_000),
                           "c ".repeat(25_000)));
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 49_000; i++) {
            words.append("คำ").append(i % 97).append(' ');
        }
        cases.add(new Case("one long line against the same words on lines", words.toString(),
                           words.toString().replace(' ', '\n'), words.toString().replace("คำ1 ", "คำ1, ")));
        String thai = randomThai(random, null, 0);
        cases.add(new Case("random Thai words, a quarter changed on each side", thai, randomThai(random, thai, 4),
                           randomThai(random, thai, 4)));
        StringBuilder lines = new StringBuilder();
        StringBuilder theirLines = new StringBuilder();
        StringBuilder yourLines = new StringBuilder();
        while (lines.length() < 49_000) {
            lines.append((char) ('a' + random.nextInt(3))).append('\n');
            theirLines.append((char) ('a' + random.nextInt(3))).append('\n');
            yourLines.append((char) ('a' + random.nextInt(3))).append('\n');
        }
        cases.add(new Case("25,000 one-letter lines, all redrawn", lines.toString(), theirLines.toString(),
                           yourLines.toString()));
        return cases;
    }

    /** Random Thai words; with {@code base}, its words with one in {@code every} replaced. */
    private static String randomThai(Random random, String base, int every) {
        String[] vocabulary = {"ผู้บริหาร", "กำหนด", "ทิศทาง", "องค์การ", "ร่วมกัน", "การ", "นำ", " ", "๒๕๖๗", "👩‍💻", "\n"};
        if (base == null) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 40_000) { // edited, a quarter of its words may grow it by a fifth
                text.append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            return text.toString();
        }
        StringBuilder text = new StringBuilder();
        for (String word : th.pmqa.studio.text.WordTokens.of(base)) {
            text.append(random.nextInt(every) == 0 ? vocabulary[random.nextInt(vocabulary.length)] : word);
        }
        return text.toString();
    }

    /** The small edit every figure is compared with: one word changed at each end of a paragraph. */
    static Case smallEdit() {
        String base = PARAGRAPH.repeat(3);
        return new Case("small stale edit (a word at each end of 3 paragraphs)", base,
                        base.replaceFirst("ส่วนราชการ", "จังหวัด"), base.substring(0, base.length() - 1) + " ทุกปี\n");
    }

    /** Runs every case and prints its figures; the worst stale merge's CPU time (ms) is returned. */
    static double run(String database, boolean smoke) {
        repeats = smoke ? 1 : 9;
        Case small = smallEdit();
        List<Case> worst = worstCases();
        ConfigurableApplicationContext command = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run("--server.port=0", "--studio.mongodb.uri=" + MongoTestServer.uri(database),
                     "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                     "--studio.rate-limit.writes-per-minute=10000000");
        try {
            CommandGateway gateway = command.getBean(CommandGateway.class);
            AssessmentId id = AssessmentId.of("MERGE", 2567);
            gateway.sendAndWait(new OpenAssessmentCommand(id, "MERGE", "จังหวัดทดสอบ", OrganizationType.PROVINCE, 2567,
                                                          "pmqa-4.0/2567", BENCH));
            Stale stale = new Stale(gateway, id);
            for (int i = 0; i < (smoke ? 2 : 40); i++) { // warm-up: the JIT compiles the paths before anything counts
                stale.merge(small, 1);
                stale.merge(worst.get(i % worst.size()), 2);
            }
            double mergeSmall = median(() -> stale.merge(small, 1));
            System.out.printf(Locale.ROOT, "merge, %s: %.2f ms CPU (merged)%n", small.name(), mergeSmall);
            double mergeWorst = 0;
            for (Case c : worst) {
                double ms = median(() -> stale.merge(c, 2));
                mergeWorst = Math.max(mergeWorst, ms);
                System.out.printf(Locale.ROOT, "merge, %s: %.1f ms CPU, answered 409 edit-conflict (%.0fx the small edit)%n",
                                  c.name(), ms, ms / mergeSmall);
            }
            String longText = worst.get(0).base();
            double save = median(() -> cpuMs(() -> stale.save(stale.revision % 2 == 0 ? longText : longText + ".")));
            System.out.printf(Locale.ROOT, "for scale: saving a 50,000-character text on its current revision: %.1f ms CPU%n", save);
            httpReproduction(command, id, stale);

            double historySmall = median(() -> describe(small.base(), small.theirs()));
            System.out.printf(Locale.ROOT, "history diff, %s: %.2f ms CPU%n", small.name(), historySmall);
            double historyWorst = 0;
            for (Case c : worst) {
                double ms = Math.max(median(() -> describe(c.base(), c.theirs())), median(() -> describe(c.base(), c.yours())));
                historyWorst = Math.max(historyWorst, ms);
                System.out.printf(Locale.ROOT, "history diff, %s: %.1f ms CPU (%.0fx the small edit)%n", c.name(), ms,
                                  ms / historySmall);
            }
            double reportDiffSmall = median(() -> reportDiff(List.of(small.base()), List.of(small.theirs())));
            List<String> befores = new ArrayList<>();
            List<String> afters = new ArrayList<>();
            for (int item = 0; item < 29; item++) {
                Case c = worst.get(item % worst.size());
                befores.add(c.base());
                afters.add(item % 2 == 0 ? c.theirs() : c.yours());
            }
            double reportDiffWorst = median(() -> reportDiff(befores, afters));
            System.out.printf(Locale.ROOT, "report diff, one small edit: %.2f ms CPU; all 29 OP items rewritten at 50,000 "
                                           + "characters: %.1f ms CPU (%.0fx)%n",
                              reportDiffSmall, reportDiffWorst, reportDiffWorst / reportDiffSmall);
            System.out.printf(Locale.ROOT, "MERGE-RESULT merge_worst_cpu_ms=%.1f merge_small_cpu_ms=%.2f merge_worst_vs_small=%.0f "
                                           + "history_diff_worst_cpu_ms=%.1f history_diff_small_cpu_ms=%.2f "
                                           + "history_diff_worst_vs_small=%.0f report_diff_worst_cpu_ms=%.1f%n",
                              mergeWorst, mergeSmall, mergeWorst / mergeSmall, historyWorst, historySmall,
                              historyWorst / historySmall, reportDiffWorst);
            return mergeWorst;
        } finally {
            command.close();
        }
    }

    /** Stale edits of OP item 1 through the gateway; the CPU time counted is the stale command's alone. */
    private static final class Stale {
        private final CommandGateway gateway;
        private final AssessmentId id;
        private long revision;

        Stale(CommandGateway gateway, AssessmentId id) {
            this.gateway = gateway;
            this.id = id;
        }

        long save(String text) {
            SavedText saved = gateway.sendAndWait(new DraftProfileItemCommand(id, 1, text, revision, BENCH));
            revision = saved.revision();
            return revision;
        }

        /** Stores base and theirs, then sends yours from base's revision; CPU ms of that last command. */
        double merge(Case c, int expectedOutcome) {
            long base = save(c.base());
            save(c.theirs());
            long t0 = THREADS.getCurrentThreadCpuTime();
            String outcome;
            try {
                SavedText saved = gateway.sendAndWait(new DraftProfileItemCommand(id, 1, c.yours(), base, BENCH));
                revision = saved.revision();
                outcome = saved.merged() ? "merged" : "stored";
            } catch (RuntimeException e) {
                outcome = e.getClass().getSimpleName();
            }
            double ms = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
            String expected = expectedOutcome == 1 ? "merged" : "EditConflictException";
            if (!outcome.equals(expected)) {
                throw new IllegalStateException(c.name() + ": expected " + expected + ", got " + outcome);
            }
            return ms;
        }
    }

    /**
     * The issue's reproduction over HTTP, as a browser's stale tab sends it: wall time of the 409, which includes the
     * command service deciding a refused edit a second time on the assessment read back from the store.
     */
    private static void httpReproduction(ConfigurableApplicationContext command, AssessmentId id, Stale stale) {
        Case issue = worstCases().get(0);
        int port = ((WebServerApplicationContext) command).getWebServer().getPort();
        String token = DevelopmentTokens.mint("bench", "ผู้ทดสอบ", "MERGE", List.of("LEAD"), Duration.ofHours(1));
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                                    .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                                    .defaultHeader("Authorization", "Bearer " + token).build();
        List<Double> walls = new ArrayList<>();
        for (int i = 0; i < 3 + repeats; i++) { // the first requests warm up the web stack
            long base = stale.save(issue.base());
            stale.save(issue.theirs());
            long t0 = System.nanoTime();
            Integer status = client.put().uri("/api/assessments/{id}/profile/1", id.value())
                                   .contentType(MediaType.APPLICATION_JSON)
                                   .bodyValue(Map.of("text", issue.yours(), "baseRevision", base))
                                   .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block();
            if (status == null || status != 409) {
                throw new IllegalStateException("the reproduction answered " + status);
            }
            if (i >= 3) {
                walls.add((System.nanoTime() - t0) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "issue 11 reproduction over HTTP: 409 in median %.0f ms wall, max %.0f ms "
                                       + "(was a 500 after ~43 s)%n", QueryBench.percentile(walls, 50),
                          QueryBench.percentile(walls, 100));
    }

    /** CPU ms of describing the change from {@code before} to {@code after} for the history, as the projector does. */
    private static double describe(String before, String after) {
        ReportState state = ReportFold.replay(List.of(opened(), profile(before, 1)));
        long t0 = THREADS.getCurrentThreadCpuTime();
        ChangeDescriber.describe(state, profile(after, 2), 3);
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    /** CPU ms of a report diff between two states whose OP items hold the given texts. */
    private static double reportDiff(List<String> befores, List<String> afters) {
        List<AssessmentEvent> older = new ArrayList<>(List.of(opened()));
        List<AssessmentEvent> newer = new ArrayList<>(List.of(opened()));
        for (int i = 0; i < befores.size(); i++) {
            older.add(new ProfileItemDraftedEvent(AssessmentId.of("MERGE", 2567), i + 1, befores.get(i), 1, BENCH,
                                                  Instant.EPOCH));
            newer.add(new ProfileItemDraftedEvent(AssessmentId.of("MERGE", 2567), i + 1, afters.get(i), 1, BENCH,
                                                  Instant.EPOCH));
        }
        ReportState from = ReportFold.replay(older);
        ReportState to = ReportFold.replay(newer);
        return cpuMs(() -> ReportDiff.between(from, to));
    }

    private static AssessmentOpenedEvent opened() {
        return new AssessmentOpenedEvent(AssessmentId.of("MERGE", 2567), "MERGE", "จังหวัดทดสอบ", OrganizationType.PROVINCE,
                                         2567, "pmqa-4.0/2567", BENCH, Instant.EPOCH);
    }

    private static ProfileItemDraftedEvent profile(String text, long revision) {
        return new ProfileItemDraftedEvent(AssessmentId.of("MERGE", 2567), 1, text, revision, BENCH, Instant.EPOCH);
    }

    private static double cpuMs(Runnable work) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        work.run();
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    private static double median(Supplier<Double> measurement) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            values.add(measurement.get());
        }
        return QueryBench.percentile(values, 50);
    }
}
