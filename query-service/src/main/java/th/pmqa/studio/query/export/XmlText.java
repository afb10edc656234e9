package th.pmqa.studio.query.export;

/**
 * Text as XML 1.0 can carry it: characters XML forbids (C0 controls other than tab, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD; everything else, Thai tone marks and emoji included, stays exactly as written.
 */
final class XmlText {

    private XmlText() {
    }

    static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c)) {
                allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (allowed) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                allowed = c == '\t' || c >= 0x20 && !Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
            }
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
