package th.pmqa.studio.infra.evidence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;

/**
 * Where evidence bytes live, for both services: the GridFS bucket {@code evidence} (collections
 * {@code evidence.files} and {@code evidence.chunks}) of the studio's database. A file's {@code _id} is the evidence
 * id as a string; its metadata holds the assessment, content type, SHA-256, uploader and time.
 */
public final class EvidenceFiles {

    public static final String BUCKET = "evidence";
    public static final String ASSESSMENT = "assessmentId";
    public static final String CONTENT_TYPE = "contentType";
    public static final String SHA256 = "sha256";
    public static final String UPLOADER = "uploader";
    public static final String UPLOADED_AT = "uploadedAt";
    public static final String FILE_NAME = "fileName";

    private EvidenceFiles() {
    }

    public static GridFSBucket bucket(MongoDatabase database) {
        return GridFSBuckets.create(database, BUCKET);
    }
}
