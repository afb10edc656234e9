package th.pmqa.studio.command.evidence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.BsonString;
import org.bson.Document;
import th.pmqa.studio.command.rejection.EvidenceRefusedException;
import th.pmqa.studio.infra.evidence.EvidenceFiles;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.EvidenceId;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One upload's bytes on their way into GridFS, fed chunk by chunk as they arrive (never the whole file in memory):
 * counts them and refuses the upload the moment it passes the limit, hashes them (SHA-256) and decides the type on
 * the first {@link EvidenceTypes#HEAD} bytes before any is written. Blocking (the driver's GridFS streams): called on
 * a worker thread, by one thread at a time.
 * <p>
 * {@link #discard()} leaves nothing behind whatever state the upload is in: an open upload stream is aborted (which
 * deletes the chunks written so far), a completed file is deleted.
 */
final class EvidenceIntake {

    private final MongoDatabase database;
    private final GridFSBucket bucket;
    private final long maxBytes;
    private final EvidenceId evidenceId;
    private final AssessmentId assessment;
    private final Author uploader;
    private final String declaredType;
    private final String fileName;
    private final MessageDigest sha256;
    private final byte[] head = new byte[EvidenceTypes.HEAD];
    private int headLength;
    private long size;
    private String contentType;
    private GridFSUploadStream upload;
    private boolean completed;
    private boolean discarded;

    EvidenceIntake(MongoDatabase database, long maxBytes, EvidenceId evidenceId, AssessmentId assessment, Author uploader,
                   String declaredType, String fileName) {
        this.database = database;
        this.bucket = EvidenceFiles.bucket(database);
        this.maxBytes = maxBytes;
        this.evidenceId = evidenceId;
        this.assessment = assessment;
        this.uploader = uploader;
        this.declaredType = declaredType;
        this.fileName = fileName;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The next bytes of the file. */
    synchronized void write(byte[] bytes, int length) {
        if (discarded) {
            throw new IllegalStateException("upload already discarded");
        }
        size += length;
        if (size > maxBytes) {
            throw EvidenceRefusedException.tooLarge(maxBytes);
        }
        sha256.update(bytes, 0, length);
        int offset = 0;
        if (upload == null) {
            int taken = Math.min(length, head.length - headLength);
            System.arraycopy(bytes, 0, head, headLength, taken);
            headLength += taken;
            offset = taken;
            if (headLength < head.length) {
                return;
            }
            open(false);
        }
        if (offset < length) {
            upload.write(bytes, offset, length - offset);
        }
    }

    /** All bytes have arrived: the file is complete in GridFS. */
    synchronized Stored complete() {
        if (size == 0) {
            throw EvidenceRefusedException.empty();
        }
        if (upload == null) {
            open(true);
        }
        upload.close();
        completed = true;
        String hash = HexFormat.of().formatHex(sha256.digest());
        // the hash is known only now, after the files document was written with the rest of the metadata
        database.getCollection(EvidenceFiles.BUCKET + ".files")
                .updateOne(Filters.eq("_id", evidenceId.value()), Updates.set("metadata." + EvidenceFiles.SHA256, hash));
        return new Stored(evidenceId, hash, size, contentType, fileName);
    }

    private void open(boolean complete) {
        contentType = EvidenceTypes.decide(declaredType, fileName, head, headLength, complete);
        Document metadata = new Document(EvidenceFiles.ASSESSMENT, assessment.value())
                .append(EvidenceFiles.CONTENT_TYPE, contentType)
                .append(EvidenceFiles.FILE_NAME, fileName)
                .append(EvidenceFiles.UPLOADER, uploader.userId())
                .append(EvidenceFiles.UPLOADED_AT, java.util.Date.from(Instant.now()));
        upload = bucket.openUploadStream(new BsonString(evidenceId.value()), fileName,
                new GridFSUploadOptions().metadata(metadata));
        upload.write(head, 0, headLength);
    }

    /** Removes whatever this upload stored; safe to call more than once and in any state. */
    synchronized void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        if (upload != null && !completed) {
            upload.abort();
        } else if (completed) {
            bucket.delete(new BsonString(evidenceId.value()));
        }
    }

    /** A file stored completely. */
    record Stored(EvidenceId evidenceId, String sha256, long size, String contentType, String fileName) {
    }
}
