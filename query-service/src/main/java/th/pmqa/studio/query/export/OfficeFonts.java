package th.pmqa.studio.query.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The fonts LibreOffice must find for the PDF: the Sarabun TTFs shipped in the jar ({@code export/fonts/}), copied to
 * a directory of their own with a {@code fonts.conf} that adds that directory to the system's configuration.
 * LibreOffice reads fontconfig's {@code FONTCONFIG_FILE}; without Sarabun it silently draws with another font.
 */
public final class OfficeFonts {

    static final List<String> FILES = List.of("Sarabun_400Regular.ttf", "Sarabun_700Bold.ttf",
                                              "Sarabun_400Regular_Italic.ttf", "Sarabun_700Bold_Italic.ttf", "OFL.txt");

    private OfficeFonts() {
    }

    /** Writes the fonts and their fonts.conf under {@code directory}; returns the fonts.conf. */
    public static Path install(Path directory) {
        try {
            Path fonts = Files.createDirectories(directory.resolve("fonts"));
            for (String name : FILES) {
                try (InputStream in = OfficeFonts.class.getResourceAsStream("/export/fonts/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("export/fonts/" + name + " is missing from the jar");
                    }
                    Files.copy(in, fonts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path config = directory.resolve("fonts.conf");
            Files.writeString(config, """
                    <?xml version="1.0"?>
                    <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                    <fontconfig>
                      <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                      <dir>%s</dir>
                      <cachedir>%s</cachedir>
                    </fontconfig>
                    """.formatted(xml(fonts.toAbsolutePath().toString()),
                                  xml(directory.resolve("cache").toAbsolutePath().toString())),
                              StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
