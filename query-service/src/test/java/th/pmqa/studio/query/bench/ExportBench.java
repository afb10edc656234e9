package th.pmqa.studio.query.bench;

import th.pmqa.studio.query.export.ApplicationReportDocx;
import th.pmqa.studio.query.export.ExportVersion;
import th.pmqa.studio.query.export.FullReport;
import th.pmqa.studio.query.export.OfficeConverter;
import th.pmqa.studio.query.export.ThaiDocx;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.view.ReportViewBuilder;
import th.pmqa.studio.query.view.ReportView;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The exports of a large report (all 18 sub-criteria fully drafted, every OP item, 50 results): the Word document
 * (POI) and the PDF (LibreOffice through JODConverter, TOC page numbers filled), each against the baseline of the
 * same run, a one-page document through the same office process (the converter's fixed cost). Then as many PDF
 * requests at once as the pool admits and more: the surplus is refused (503), not queued in memory.
 * {@code infra/bench.sh --export-only [--export-rounds N]}; target: the PDF of the large report under 10 s.
 */
public final class ExportBench {

    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = argument(args, "--export-rounds", 3);
        ReportState state = FullReport.state();
        ReportView view = ReportViewBuilder.build(state);
        ExportVersion version = new ExportVersion("ฉบับล่าสุด", "ล่าสุด", Instant.now());
        List<Double> docxMs = new ArrayList<>();
        byte[] docx = null;
        for (int i = 0; i < rounds + 1; i++) {
            long t0 = System.nanoTime();
            docx = ApplicationReportDocx.write(view, version);
            if (i > 0) { // the first round warms the JIT and loads POI's schema types
                docxMs.add((System.nanoTime() - t0) / 1e6);
            }
        }
        ThaiDocx small = new ThaiDocx();
        small.heading(1, "หน้าเดียว");
        small.paragraphs(FullReport.THAI_PARAGRAPH);
        byte[] onePage = small.bytes();

        OfficeConverter office = new OfficeConverter("", Integer.toString(freePort()), Duration.ofMinutes(3), 1, "lazy");
        if (!office.installed()) {
            System.out.println("export: LibreOffice is not installed (infra/install-office.sh): PDF not measured");
            System.out.printf(Locale.ROOT, "RESULT export_docx_ms=%.0f export_pdf_ms=NaN%n", QueryBench.percentile(docxMs, 50));
            return;
        }
        try {
            long t0 = System.nanoTime();
            office.toPdf(onePage);
            double coldMs = (System.nanoTime() - t0) / 1e6;
            List<Double> baselineMs = new ArrayList<>();
            List<Double> pdfMs = new ArrayList<>();
            List<Double> totalMs = new ArrayList<>();
            int pdfBytes = 0;
            for (int i = 0; i < rounds; i++) {
                t0 = System.nanoTime();
                office.toPdf(onePage);
                baselineMs.add((System.nanoTime() - t0) / 1e6);
                t0 = System.nanoTime();
                // end to end as a request pays it: the typed view built from the fold, the DOCX, the PDF
                byte[] fresh = ApplicationReportDocx.write(ReportViewBuilder.build(state), version);
                long t1 = System.nanoTime();
                pdfBytes = office.toPdf(fresh).length;
                long t2 = System.nanoTime();
                pdfMs.add((t2 - t1) / 1e6);
                totalMs.add((t2 - t0) / 1e6);
            }
            double docx50 = QueryBench.percentile(docxMs, 50);
            double baseline = QueryBench.percentile(baselineMs, 50);
            double pdf50 = QueryBench.percentile(pdfMs, 50);
            double total50 = QueryBench.percentile(totalMs, 50);
            System.out.printf(Locale.ROOT, "export: large report: %d KB DOCX, %d KB PDF%n", docx.length / 1024,
                              pdfBytes / 1024);
            System.out.printf(Locale.ROOT, "export: DOCX (POI) median %.0f ms over %d rounds%n", docx50, rounds);
            System.out.printf(Locale.ROOT, "export: office start + one-page PDF (first request): %.0f ms%n", coldMs);
            System.out.printf(Locale.ROOT, "export: one-page PDF (baseline, same process): median %.0f ms%n", baseline);
            System.out.printf(Locale.ROOT, "export: large report DOCX → PDF with TOC update: median %.0f ms (%.1fx baseline)%n",
                              pdf50, pdf50 / baseline);
            System.out.printf(Locale.ROOT, "export: large report PDF end to end (DOCX + PDF): median %.0f ms, max %.0f ms "
                              + "(target < 10000 ms)%n", total50, totalMs.stream().mapToDouble(d -> d).max().orElse(0));
            int[] answered = concurrently(office, ApplicationReportDocx.write(view, version), 6);
            System.out.printf(Locale.ROOT, "export: 6 PDF requests at once on 1 process with a queue of 1: %d converted, "
                              + "%d refused with 503%n", answered[0], answered[1]);
            System.out.printf(Locale.ROOT, "RESULT export_docx_ms=%.0f export_pdf_baseline_ms=%.0f export_pdf_ms=%.0f "
                              + "export_total_ms=%.0f export_cold_start_ms=%.0f%n", docx50, baseline, pdf50, total50, coldMs);
        } finally {
            office.destroy();
        }
    }

    private static int[] concurrently(OfficeConverter office, byte[] docx, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    try {
                        office.toPdf(docx);
                        return true;
                    } catch (org.springframework.web.ErrorResponseException refused) {
                        if (refused.getStatusCode().value() != 503) {
                            throw refused;
                        }
                        return false;
                    }
                }));
            }
            int converted = 0;
            for (Future<Boolean> answer : answers) {
                converted += answer.get() ? 1 : 0;
            }
            return new int[] {converted, requests - converted};
        } finally {
            pool.shutdown();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int argument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
