package th.pmqa.studio.query.export;

import java.nio.charset.StandardCharsets;

/**
 * The file name of an export, {@code PMQA-<fiscal year>-<organization>-<version>.<extension>} (e.g.
 * {@code PMQA-2567-KKN-ร่างครั้งที่1.pdf}), and its {@code Content-Disposition} by RFC 6266: an ASCII
 * {@code filename} for old clients beside the exact UTF-8 {@code filename*} (RFC 8187 percent-encoding).
 */
public final class ExportFileName {

    private ExportFileName() {
    }

    public static String of(int fiscalYear, String organization, String version, String extension) {
        return "PMQA-" + fiscalYear + "-" + clean(organization) + "-" + clean(version) + "." + extension;
    }

    /** Path separators, reserved and control characters become '_'; Thai and other letters stay as written. */
    static String clean(String part) {
        StringBuilder out = new StringBuilder();
        part.codePoints().limit(80).forEach(c -> out.appendCodePoint(
                c < 0x20 || c == 0x7F || "/\\:*?\"<>|%;,".indexOf(c) >= 0 || Character.isWhitespace(c)
                || Character.getType(c) == Character.FORMAT && c != 0x200D ? '_' : c));
        String cleaned = out.toString();
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "_" : cleaned;
    }

    public static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    /** RFC 8187's attr-char kept, every other byte of the UTF-8 encoding as %XX. */
    static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                   .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
