package th.pmqa.studio.infra.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key type of the embedded server's unique indexes: the order H2 has always given them, found without
 * serializing both keys at every step of every search.
 * <p>
 * mongo-java-server opens each unique index as an H2 map with H2's default key type, {@link ObjectDataType}. Its
 * keys ({@link KeyValue}) are not {@code Comparable}, so that type orders two keys by their Java serialization,
 * compared byte by byte, and serializes both keys afresh for every comparison: about twenty per lookup in a large
 * index, each a new {@code ObjectOutputStream}. Measured with JFR during a rebuild, half of the server's CPU went
 * there (every tracking read looks up each event by {@code _id}, every insert checks the unique index).
 * <p>
 * This type keeps that order exactly (the same bytes, compared the same way) and remembers the bytes of the keys it
 * meets, so a search serializes at most its own key, once: the keys in the upper levels of a tree are met by every
 * search. Reading and writing are H2's own, so the file is the one the stock backend writes, and opens either way.
 * Only keys whose serialized form follows from {@code equals} are remembered: numbers, strings, ids and dates, none
 * of them twice the same object ({@link #plain}); keys holding an embedded document or a list are serialized each
 * time, as before.
 */
final class SerializedKeyOrder extends ObjectDataType {

    /**
     * Keys remembered, for all indexes together: about 25 MB (a key of one number serializes to 219 bytes, plus the
     * objects around it). The memory is emptied when it is full.
     */
    static final int MEMO_LIMIT = 65_536;
    private static final Set<Class<?>> PLAIN = Set.of(Double.class, Long.class, Integer.class, String.class,
            Boolean.class, ObjectId.class, UUID.class, Date.class, Instant.class);
    private static final ConcurrentHashMap<KeyValue, byte[]> MEMO = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            return a == b ? 0 : compareNotNull(serialized(x), serialized(y));
        }
        return super.compare(a, b);
    }

    static byte[] serialized(KeyValue key) {
        if (!plain(key)) {
            return serialize(key);
        }
        byte[] bytes = MEMO.get(key);
        if (bytes == null) {
            bytes = serialize(key);
            if (MEMO.size() >= MEMO_LIMIT) {
                MEMO.clear();
            }
            MEMO.put(key, bytes);
        }
        return bytes;
    }

    /**
     * Values of the plain classes, and no object twice: Java serialization writes a second occurrence of the same
     * object as a back-reference, so two equal keys, one holding {@code Boolean.TRUE} twice and one holding two
     * {@code Boolean} objects, serialize differently.
     */
    private static boolean plain(KeyValue key) {
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            if (value == null) {
                continue;
            }
            if (!PLAIN.contains(value.getClass())) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (key.get(j) == value) {
                    return false;
                }
            }
        }
        return true;
    }

    static int remembered() {
        return MEMO.size();
    }
}
