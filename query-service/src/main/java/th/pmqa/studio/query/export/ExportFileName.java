package th.pmqa.studio.query.export;

import th.pmqa.studio.query.web.AttachmentName;

/**
 * The file name of an export, {@code PMQA-<fiscal year>-<organization>-<version>.<extension>} (e.g.
 * {@code PMQA-2567-KKN-ร่างครั้งที่1.pdf}); its {@code Content-Disposition} is {@link AttachmentName}'s.
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
}
