package th.pmqa.studio.query.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last few PDFs made, by what they show (assessment, global position, the version as the cover names it): a
 * report at one position never changes, so asking again for it (a reviewer's second click, a retry after a slow
 * network) costs no office process. Bounded in entries and bytes; the least recently asked goes first.
 */
final class RecentPdfs {

    private final int maxEntries;
    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<String, byte[]> pdfs = new LinkedHashMap<>(16, 0.75f, true);

    RecentPdfs(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    static String key(String assessmentId, long position, String version) {
        return assessmentId + "\n" + position + "\n" + version;
    }

    synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(pdfs.get(key));
    }

    synchronized void put(String key, byte[] pdf) {
        if (maxEntries <= 0 || pdf.length > maxBytes) {
            return;
        }
        byte[] previous = pdfs.put(key, pdf);
        bytes += pdf.length - (previous == null ? 0 : previous.length);
        var eldest = pdfs.entrySet().iterator();
        while ((pdfs.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, byte[]> entry = eldest.next();
            bytes -= entry.getValue().length;
            eldest.remove();
        }
    }
}
