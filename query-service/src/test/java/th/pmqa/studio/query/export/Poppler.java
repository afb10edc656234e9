package th.pmqa.studio.query.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** poppler-utils' tools (pdffonts, pdftotext, pdftoppm) on a PDF file, as a person would run them. */
final class Poppler {

    private Poppler() {
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                                                + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String fonts(Path pdf) {
        return run("pdffonts", pdf.toString());
    }

    /**
     * The text of pages {@code first}–{@code last} (0: all) in the PDF's own order ({@code -raw}): the default layout
     * analysis moves a tone mark raised over an upper vowel to a line of its own.
     */
    static String text(Path pdf, int first, int last) {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-raw", "-enc", "UTF-8"));
        if (first > 0) {
            command.addAll(List.of("-f", Integer.toString(first), "-l", Integer.toString(last)));
        }
        command.addAll(List.of(pdf.toString(), "-"));
        return run(command.toArray(String[]::new));
    }

    /** The whole text in the order the PDF draws it, line by line as laid out. */
    static String rawText(Path pdf) {
        return text(pdf, 0, 0);
    }

    /** Page {@code page} as a PNG at {@code dpi}, written to {@code prefix}.png. */
    static Path png(Path pdf, int page, int dpi, Path prefix) {
        run("pdftoppm", "-png", "-singlefile", "-r", Integer.toString(dpi), "-f", Integer.toString(page), "-l",
            Integer.toString(page), pdf.toString(), prefix.toString());
        return Path.of(prefix + ".png");
    }

    /**
     * The tools and LibreOffice are installed by infra/install-office.sh; on CI their absence fails the test, on a
     * developer's machine it skips it with that advice.
     */
    static void requireTools(OfficeConverter office) {
        boolean present = office.installed() && Files.isExecutable(Path.of("/usr/bin/pdffonts"))
                          && Files.isExecutable(Path.of("/usr/bin/pdftotext"))
                          && Files.isExecutable(Path.of("/usr/bin/pdftoppm"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have LibreOffice and poppler-utils: infra/install-office.sh");
        }
        assumeTrue(present, "LibreOffice or poppler-utils missing: run infra/install-office.sh");
    }
}
