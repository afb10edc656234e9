package th.pmqa.studio.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import th.pmqa.studio.query.model.ReportFold;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Time travel's fold checkpoints, kept across restarts and shared by the query nodes, so that the first request for
 * an assessment on a node folds at most a checkpoint's interval of events instead of all of them.
 * <p>
 * Two kinds of documents in one collection, both read by exact {@code _id} (the only reads the embedded server
 * answers from an index; a range over {@code _id} would scan every checkpoint of every assessment there): a directory
 * per assessment ({@code _id} = the assessment, the positions of its checkpoints and their fold version) and one
 * document per checkpoint ({@code _id} = assessment {@code @} position, the state's JSON gzipped, the fold version).
 * Finding the nearest checkpoint at or below a position is two exact lookups: the directory, then the checkpoint.
 * <p>
 * Events never change, the fold can: every document carries {@link #foldVersion()} ({@link ReportFold#VERSION} and a
 * fingerprint of the state's shape); one of another version is never used, and writing a directory of a new version
 * deletes the assessment's checkpoints of other versions. Plain finds, replacements and deletes only (FerretDB).
 * A directory written by two nodes at once may lose a position: that checkpoint is then not found, which costs a
 * longer fold, never a wrong report.
 */
@Component
public class ReportCheckpointStore {

    public static final String COLLECTION = "report_checkpoints";
    /** Compressed states above this are not stored: a document must stay under MongoDB's 16 MB with its fields. */
    static final int MAX_STATE_BYTES = 15 << 20;

    private final MongoCollection<Document> checkpoints;
    private final String foldVersion;

    @Autowired
    public ReportCheckpointStore(MongoDatabase database) {
        this(database, currentFoldVersion());
    }

    /** A store that reads and writes checkpoints of the given fold version: for tests of versioning. */
    public ReportCheckpointStore(MongoDatabase database, String foldVersion) {
        this.checkpoints = database.getCollection(COLLECTION);
        this.foldVersion = foldVersion;
    }

    public String foldVersion() {
        return foldVersion;
    }

    /** The checkpoint nearest at or below {@code position}: its position and the state's JSON. */
    public Optional<Map.Entry<Long, String>> floor(String assessmentId, long position) {
        Document directory = checkpoints.find(Filters.eq("_id", assessmentId)).first();
        if (directory == null || !foldVersion.equals(directory.getString("fold"))) {
            return Optional.empty();
        }
        Long best = null;
        for (Object stored : directory.getList("positions", Object.class, List.of())) {
            long at = ((Number) stored).longValue();
            if (at <= position && (best == null || at > best)) {
                best = at;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Document checkpoint = checkpoints.find(Filters.eq("_id", id(assessmentId, best))).first();
        if (checkpoint == null || !foldVersion.equals(checkpoint.getString("fold"))) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(best, gunzip(checkpoint.get("state", Binary.class).getData())));
    }

    /**
     * Stores checkpoints of one assessment (position → state JSON) and adds them to its directory: one bulk of
     * replacements and two directory round trips, however many. Too large ones are left out.
     */
    public void saveAll(String assessmentId, Map<Long, String> states) {
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        List<Long> saved = new ArrayList<>();
        states.forEach((position, json) -> {
            byte[] state = gzip(json);
            if (state.length <= MAX_STATE_BYTES) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id(assessmentId, position)),
                        new Document("_id", id(assessmentId, position)).append("assessmentId", assessmentId)
                                .append("position", position).append("fold", foldVersion)
                                .append("state", new Binary(state)),
                        new ReplaceOptions().upsert(true)));
                saved.add(position);
            }
        });
        if (writes.isEmpty()) {
            return;
        }
        checkpoints.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Document directory = checkpoints.find(Filters.eq("_id", assessmentId)).first();
        TreeSet<Long> positions = new TreeSet<>(saved);
        if (directory != null && foldVersion.equals(directory.getString("fold"))) {
            directory.getList("positions", Object.class, List.of()).forEach(p -> positions.add(((Number) p).longValue()));
        } else if (directory != null) {
            // the fold changed since these were written: their states are not what this code would fold
            checkpoints.deleteMany(Filters.and(Filters.eq("assessmentId", assessmentId),
                                               Filters.ne("fold", foldVersion)));
        }
        checkpoints.replaceOne(Filters.eq("_id", assessmentId),
                new Document("_id", assessmentId).append("fold", foldVersion).append("positions", new ArrayList<>(positions)),
                new ReplaceOptions().upsert(true));
    }

    /** Every checkpoint goes: a rebuild of the read models starts them afresh. */
    public void drop() {
        checkpoints.drop();
    }

    private static String id(String assessmentId, long position) {
        return assessmentId + "@" + position;
    }

    /**
     * {@link ReportFold#VERSION} and a fingerprint of the state's shape (its classes' fields and their types): a
     * field added, removed or retyped changes it without anyone remembering to bump the version; a change of what the
     * fold computes into the same shape needs the bump.
     */
    static String currentFoldVersion() {
        StringBuilder shape = new StringBuilder();
        describe(th.pmqa.studio.query.model.ReportState.class, shape, new TreeSet<>());
        return ReportFold.VERSION + "-" + Integer.toHexString(shape.toString().hashCode());
    }

    private static void describe(Class<?> type, StringBuilder shape, TreeSet<String> seen) {
        if (!type.getName().startsWith("th.pmqa.") || type.isEnum() || !seen.add(type.getName())) {
            return;
        }
        shape.append(type.getName()).append('{');
        List<Class<?>> referenced = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(); // sorted: the JVM does not promise an order of declared fields
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            fields.add(field.getName() + ':' + field.getGenericType().getTypeName() + ';');
            referenced.add(field.getType());
            if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType generic) {
                for (java.lang.reflect.Type argument : generic.getActualTypeArguments()) {
                    if (argument instanceof Class<?> c) {
                        referenced.add(c);
                    }
                }
            }
        }
        fields.forEach(shape::append);
        shape.append('}');
        referenced.sort(java.util.Comparator.comparing(Class::getName));
        referenced.forEach(c -> describe(c, shape, seen));
    }

    private static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] state) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(state))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
