package th.pmqa.studio.command.evidence;

import th.pmqa.studio.command.rejection.EvidenceRefusedException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which files may be evidence, decided on their first bytes (magic numbers), never on the declared type alone: PDF,
 * PNG, JPEG, Word/Excel/PowerPoint (OOXML, a ZIP) and plain UTF-8 text. Executables and HTML are refused whatever
 * they are declared as (HTML served back from the studio's origin could run script). A declared type the bytes
 * contradict is refused; a missing or generic declared type ({@code application/octet-stream}) takes the sniffed one
 * (for a ZIP, the Office type of the file name's extension).
 */
final class EvidenceTypes {

    /** How many leading bytes the decision reads. */
    static final int HEAD = 4096;

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String TEXT = "text/plain";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final List<String> ACCEPTED = List.of(PDF, PNG, JPEG, DOCX, XLSX, PPTX, TEXT);
    private static final Map<String, String> OFFICE_EXTENSIONS = Map.of("docx", DOCX, "xlsx", XLSX, "pptx", PPTX);

    /** What the bytes are, as far as the decision needs to know. */
    enum Sniffed { PDF, PNG, JPEG, ZIP, EXECUTABLE, HTML, TEXT, UNKNOWN }

    /** The WHATWG sniffing table's HTML openers (followed by a space or '>'), and SVG/XML, which can carry script. */
    private static final List<String> HTML_OPENERS = List.of("<!doctype html", "<html", "<head", "<script", "<iframe",
            "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--", "<svg",
            "<?xml");

    private EvidenceTypes() {
    }

    /**
     * The content type to store for a file declared as {@code declared} (may be null) whose first bytes are
     * {@code head[0..length)}; {@code complete} says whether that is the whole file (a multi-byte character cut at
     * the end of the head is then an error).
     */
    static String decide(String declared, String fileName, byte[] head, int length, boolean complete) {
        Sniffed sniffed = sniff(head, length, complete);
        if (sniffed == Sniffed.EXECUTABLE) {
            throw EvidenceRefusedException.type("the file is a program (executable or script): not accepted as evidence");
        }
        if (sniffed == Sniffed.HTML) {
            throw EvidenceRefusedException.type("the file is HTML or XML markup: not accepted as evidence; send a PDF");
        }
        String type = normalise(declared);
        if (type == null || type.equals("application/octet-stream")) {
            return switch (sniffed) {
                case PDF -> PDF;
                case PNG -> PNG;
                case JPEG -> JPEG;
                case TEXT -> TEXT;
                case ZIP -> officeTypeOf(fileName);
                default -> throw EvidenceRefusedException.type("the file is none of the accepted types: "
                                                               + String.join(", ", ACCEPTED));
            };
        }
        if (!ACCEPTED.contains(type)) {
            throw EvidenceRefusedException.type("content type " + type + " is not accepted; evidence is one of "
                                                + String.join(", ", ACCEPTED));
        }
        Sniffed expected = switch (type) {
            case PDF -> Sniffed.PDF;
            case PNG -> Sniffed.PNG;
            case JPEG -> Sniffed.JPEG;
            case TEXT -> Sniffed.TEXT;
            default -> Sniffed.ZIP;
        };
        if (sniffed != expected) {
            throw EvidenceRefusedException.type("the file is declared as " + type + " but its bytes are "
                                                + describe(sniffed));
        }
        return type;
    }

    static Sniffed sniff(byte[] head, int length, boolean complete) {
        if (startsWith(head, length, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Sniffed.PDF;
        }
        if (startsWith(head, length, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Sniffed.PNG;
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Sniffed.JPEG;
        }
        if (startsWith(head, length, 0x50, 0x4B, 0x03, 0x04)) {
            return Sniffed.ZIP;
        }
        if (startsWith(head, length, 0x4D, 0x5A) // MZ: Windows PE
            || startsWith(head, length, 0x7F, 0x45, 0x4C, 0x46) // ELF
            || startsWith(head, length, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(head, length, 0xFE, 0xED, 0xFA, 0xCF)
            || startsWith(head, length, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(head, length, 0xCF, 0xFA, 0xED, 0xFE)
            || startsWith(head, length, 0xCA, 0xFE, 0xBA, 0xBE) // Mach-O fat binary, Java class
            || startsWith(head, length, 0x23, 0x21)) { // #! script
            return Sniffed.EXECUTABLE;
        }
        if (!isText(head, length, complete)) {
            return Sniffed.UNKNOWN;
        }
        return isMarkup(head, length) ? Sniffed.HTML : Sniffed.TEXT;
    }

    private static boolean isText(byte[] head, int length, boolean complete) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                return false;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = length;
        if (!complete) {
            // the head may cut the last character: up to three bytes of a sequence that continues beyond it
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
                end = end - back - 1;
            }
        }
        try {
            utf8.decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isMarkup(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        String rest = text.substring(start).toLowerCase(Locale.ROOT);
        for (String opener : HTML_OPENERS) {
            if (rest.startsWith(opener)) {
                if (opener.equals("<!--") || opener.equals("<?xml") || rest.length() == opener.length()) {
                    return true;
                }
                char next = rest.charAt(opener.length());
                if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r' || next == '/') {
                    return true;
                }
            }
        }
        return false;
    }

    private static String officeTypeOf(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = OFFICE_EXTENSIONS.get(extension);
        if (type == null) {
            throw EvidenceRefusedException.type("the file is a ZIP archive; only Word, Excel and PowerPoint files "
                                                + "(.docx, .xlsx, .pptx, or declared with their content type) are accepted");
        }
        return type;
    }

    private static String normalise(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(Sniffed sniffed) {
        return switch (sniffed) {
            case PDF -> "a PDF";
            case PNG -> "a PNG image";
            case JPEG -> "a JPEG image";
            case ZIP -> "a ZIP archive (Word, Excel or PowerPoint)";
            case TEXT -> "plain text";
            default -> "of no accepted type";
        };
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
