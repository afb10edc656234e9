package th.pmqa.studio.query.export;

import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.filter.text.TableOfContentUpdaterFilter;
import org.jodconverter.local.office.LocalOfficeManager;
import org.jodconverter.local.office.LocalOfficeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import th.pmqa.studio.query.web.Problems;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * DOCX → PDF through LibreOffice, headless, in a pool of office processes managed by JODConverter: one process per
 * port, started on the first conversion (or at start with {@code studio.export.office-start=eager}), each conversion
 * bounded by a timeout; the TOC's page numbers are filled by {@link TableOfContentUpdaterFilter}. At most
 * {@code processes + queue} conversions are admitted at once (each holds its DOCX and PDF in memory); beyond that, and
 * whenever no office process can run (LibreOffice not installed, failing to start), the answer is a 503 problem.
 */
@Component
public class OfficeConverter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OfficeConverter.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final String officeHome;
    private final int[] ports;
    private final Duration timeout;
    private final Semaphore admitted;
    private LocalOfficeManager manager;
    private LocalConverter converter;
    private String unavailable;

    public OfficeConverter(@Value("${studio.export.office-home:}") String officeHome,
                           @Value("${studio.export.office-ports:2002}") String ports,
                           @Value("${studio.export.conversion-timeout:PT60S}") Duration timeout,
                           @Value("${studio.export.queue:8}") int queue,
                           @Value("${studio.export.office-start:lazy}") String start) {
        this.officeHome = officeHome;
        this.ports = Arrays.stream(ports.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                           .mapToInt(Integer::parseInt).toArray();
        if (this.ports.length == 0 || this.ports.length > 8) {
            throw new IllegalArgumentException("studio.export.office-ports: 1 to 8 ports, not '" + ports + "'");
        }
        this.timeout = timeout;
        this.admitted = new Semaphore(this.ports.length + Math.max(0, queue));
        if ("eager".equals(start) && home() != null) {
            try {
                running();
            } catch (ErrorResponseException notStarted) {
                log.warn("LibreOffice did not start: PDF exports answer 503 until it does ({})", unavailable);
            }
        }
    }

    /** Where LibreOffice is: the configured home, else JODConverter's search of the usual places; null if nowhere. */
    File home() {
        if (!officeHome.isBlank()) {
            File configured = new File(officeHome);
            return LocalOfficeUtils.getOfficeExecutable(configured).isFile() ? configured : null;
        }
        return LocalOfficeUtils.getDefaultOfficeHome();
    }

    public boolean installed() {
        return home() != null;
    }

    /** A 503 problem saying how to install LibreOffice, unless it is installed. */
    public void requireInstalled() {
        if (!installed()) {
            throw notInstalled();
        }
    }

    private static ErrorResponseException notInstalled() {
        return unavailable("office-unavailable", "PDF export needs LibreOffice, which is not installed on this "
                + "server: run infra/install-office.sh (Debian: apt-get install libreoffice-writer-nogui), "
                + "or set studio.export.office-home. The Word export works without it.");
    }

    /** The PDF of a DOCX, or a 503 problem when no office process takes it. */
    public byte[] toPdf(byte[] docx) {
        if (!admitted.tryAcquire()) {
            throw unavailable("office-busy", "Every office process is busy and the queue is full: try again shortly.");
        }
        try {
            LocalConverter ready = running();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(Math.max(64 * 1024, docx.length * 4));
            ready.convert(new ByteArrayInputStream(docx)).as(DefaultDocumentFormatRegistry.DOCX)
                 .to(pdf).as(DefaultDocumentFormatRegistry.PDF).execute();
            return pdf.toByteArray();
        } catch (OfficeException failed) {
            log.warn("PDF conversion failed", failed);
            throw unavailable("office-unavailable", "The office process could not convert the report ("
                                                    + failed.getMessage() + "): try again shortly.");
        } finally {
            admitted.release();
        }
    }

    private synchronized LocalConverter running() {
        if (converter != null && manager.isRunning()) {
            return converter;
        }
        File home = home();
        if (home == null) {
            unavailable = "LibreOffice (soffice) is not installed";
            throw notInstalled();
        }
        try {
            Path work = Files.createTempDirectory("pmqa-office-");
            Path fontsConf = OfficeFonts.install(work);
            LocalOfficeManager started = LocalOfficeManager.builder()
                    .officeHome(home)
                    .portNumbers(ports)
                    .workingDir(work.toFile())
                    // our own fontconfig (the system's plus the vendored Sarabun) for the office processes only
                    .runAsArgs("/usr/bin/env", "FONTCONFIG_FILE=" + fontsConf.toAbsolutePath())
                    .taskExecutionTimeout(timeout.toMillis())
                    .taskQueueTimeout(timeout.toMillis())
                    .maxTasksPerProcess(200)
                    .build();
            started.start();
            manager = started;
            converter = LocalConverter.builder().officeManager(started)
                                      .filterChain(new TableOfContentUpdaterFilter())
                                      .build();
            unavailable = null;
            log.info("LibreOffice from {} on ports {} converts PDF exports", home, Arrays.toString(ports));
            return converter;
        } catch (OfficeException | RuntimeException failed) {
            unavailable = String.valueOf(failed.getMessage());
            log.warn("LibreOffice did not start", failed);
            throw unavailable("office-unavailable", "LibreOffice could not be started for the PDF export: try "
                                                    + "again shortly. The Word export works without it.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ErrorResponseException unavailable(String type, String detail) {
        ErrorResponseException problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, type, null, detail);
        problem.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        return problem;
    }

    @Override
    public synchronized void destroy() {
        if (manager != null) {
            try {
                manager.stop();
            } catch (OfficeException e) {
                log.warn("LibreOffice did not stop cleanly", e);
            }
        }
    }
}
