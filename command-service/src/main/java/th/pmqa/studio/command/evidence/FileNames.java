package th.pmqa.studio.command.evidence;

/**
 * The name an evidence file is stored and downloaded under: the client's name without any folder part (a name is
 * never a path, whichever separator the client's system uses) and without control or bidirectional-override
 * characters, bounded in length. Anything else, Thai with its tone marks included, is kept byte for byte.
 */
final class FileNames {

    static final int MAX_CODE_POINTS = 255;
    static final String FALLBACK = "evidence";

    private FileNames() {
    }

    static String sanitise(String name) {
        if (name == null) {
            return FALLBACK;
        }
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(cut + 1);
        StringBuilder kept = new StringBuilder(base.length());
        base.codePoints().filter(FileNames::keeps).limit(MAX_CODE_POINTS).forEach(kept::appendCodePoint);
        String result = kept.toString().strip();
        return result.isEmpty() || result.equals(".") || result.equals("..") ? FALLBACK : result;
    }

    private static boolean keeps(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL || type == Character.SURROGATE
            || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return false;
        }
        // format characters change how a name reads (U+202E turns "gpj.exe" around) — except the joiners that emoji
        // and some scripts need
        return type != Character.FORMAT || codePoint == 0x200C || codePoint == 0x200D;
    }
}
