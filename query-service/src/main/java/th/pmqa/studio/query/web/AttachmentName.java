package th.pmqa.studio.query.web;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code filename} with an ASCII stand-in for clients that
 * know no better, {@code filename*} with the exact UTF-8 name percent-encoded (RFC 8187, formerly 5987), which every
 * current browser prefers. Thai names come back byte for byte through {@code filename*}. Evidence downloads and
 * exports both answer with it.
 */
public final class AttachmentName {

    private AttachmentName() {
    }

    public static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    /** Printable ASCII kept, everything else (and the quote and backslash a quoted string would need escaped) '_'. */
    static String asciiFallback(String fileName) {
        StringBuilder fallback = new StringBuilder();
        fileName.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return fallback.toString();
    }

    /** RFC 8187 attr-char kept, every other byte of the UTF-8 encoding as %XX. */
    static String percentEncoded(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                       .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
