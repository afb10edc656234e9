package th.pmqa.studio.infra.tools;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Backup and restore of the embedded default's data: {@code infra/run.sh backup [DIR]} and
 * {@code infra/run.sh restore DIR [--force]}.
 *
 * <h2>Offline, after a clean stop: why not an online copy</h2>
 * Everything the embedded MongoDB holds is one H2 MVStore file, {@code $STUDIO_DATA_DIR/mongo.mv}. MVStore can be
 * copied while open only if the writing process first turns off the reuse of free space (so nothing already in the
 * file is overwritten) and the copy is taken through its own file handle; the embedded server compacts the file
 * between commits ({@code DurableH2Backend}), which moves pages into reused space. A plain {@code cp} of the open file
 * can therefore tear a chunk. So a backup is taken with the server stopped: this tool opens the file read-only first,
 * which takes H2's file lock and fails while the server (or anything else) has it open, so a running stack is refused
 * with a clear message instead of copied torn. Opening it also proves the copy source is readable, and the copy is
 * opened again and checked before the backup is declared done. Stopping costs a few seconds of downtime for a data
 * set of tens of MB; production runs on a replica set and is backed up online with {@code mongodump --oplog}.
 *
 * <h2>What a backup folder holds</h2>
 * {@code mongo.mv} (events, snapshots, tracking tokens, read models, evidence files) and {@code BACKUP.properties}
 * (when, from where, size and SHA-256, checked on restore). Not the development signing key: tokens are re-issued.
 */
public final class EmbeddedBackup {

    static final String DATA_FILE = "mongo.mv";
    static final String MANIFEST = "BACKUP.properties";

    private EmbeddedBackup() {
    }

    /** A refusal the operator can act on: printed without a stack trace, exit status 1. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        try {
            if (args.length == 3 && args[0].equals("backup")) {
                Path dest = Path.of(args[2]);
                backup(Path.of(args[1]), dest);
                System.out.println("Backed up " + Path.of(args[1]).resolve(DATA_FILE) + " to " + dest
                                   + " (" + Files.size(dest.resolve(DATA_FILE)) + " bytes, checked)");
            } else if ((args.length == 3 || args.length == 4) && args[0].equals("restore")
                       && (args.length == 3 || args[3].equals("--force"))) {
                Path dataDir = Path.of(args[2]);
                restore(Path.of(args[1]), dataDir, args.length == 4);
                System.out.println("Restored " + args[1] + " into " + dataDir.resolve(DATA_FILE)
                                   + "; start the stack on it (STUDIO_DATA_DIR=" + dataDir + " infra/run.sh)");
            } else {
                System.err.println("usage: EmbeddedBackup backup DATA_DIR BACKUP_DIR | restore BACKUP_DIR DATA_DIR [--force]");
                System.exit(2);
            }
        } catch (Refused e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("Failed: " + e);
            System.exit(1);
        }
    }

    /** Copies {@code dataDir/mongo.mv} into the new or empty folder {@code dest}, with a manifest. */
    public static void backup(Path dataDir, Path dest) throws IOException {
        Path source = dataDir.resolve(DATA_FILE);
        if (!Files.isRegularFile(source)) {
            throw new Refused("Nothing to back up: " + source + " does not exist (is STUDIO_DATA_DIR right?)");
        }
        if (!isEmptyOrMissing(dest)) {
            throw new Refused("The backup folder " + dest + " is not empty: choose a new one");
        }
        Files.createDirectories(dest);
        Path target = dest.resolve(DATA_FILE);
        Path partial = dest.resolve(DATA_FILE + ".partial");
        // the read-only open holds H2's lock for the whole copy: a server starting meanwhile waits or fails
        try (MVStore locked = openReadOnly(source, "Back up")) {
            copyDurably(source, partial);
        }
        check(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Properties manifest = new Properties();
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("source", source.toAbsolutePath().toString());
        manifest.setProperty("bytes", Long.toString(Files.size(target)));
        manifest.setProperty("sha256", sha256(target));
        Path manifestPartial = dest.resolve(MANIFEST + ".partial");
        try (var out = Files.newOutputStream(manifestPartial)) {
            manifest.store(out, "PMQA Report Studio backup of the embedded MongoDB (restore: infra/run.sh restore DIR)");
        }
        Files.move(manifestPartial, dest.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Copies a backup's {@code mongo.mv} into {@code dataDir}. Refuses a folder that holds anything unless
     * {@code force}; then the file it replaces is kept beside it as {@code mongo.mv.replaced-<time>}.
     */
    public static void restore(Path backupDir, Path dataDir, boolean force) throws IOException {
        Path source = backupDir.resolve(DATA_FILE);
        Path manifestFile = backupDir.resolve(MANIFEST);
        if (!Files.isRegularFile(source) || !Files.isRegularFile(manifestFile)) {
            throw new Refused(backupDir + " is not a backup: it needs " + DATA_FILE + " and " + MANIFEST);
        }
        Properties manifest = new Properties();
        try (var in = Files.newInputStream(manifestFile)) {
            manifest.load(in);
        }
        String actual = sha256(source);
        if (!actual.equals(manifest.getProperty("sha256"))) {
            throw new Refused("The backup in " + backupDir + " is damaged: its " + DATA_FILE + " has SHA-256 " + actual
                              + ", the manifest says " + manifest.getProperty("sha256") + ". Nothing was restored.");
        }
        if (!isEmptyOrMissing(dataDir) && !force) {
            throw new Refused("The data folder " + dataDir + " is not empty: restore into a fresh folder "
                              + "(STUDIO_DATA_DIR=/new/folder infra/run.sh restore " + backupDir + "), or add --force "
                              + "to replace its " + DATA_FILE + " (kept beside it as " + DATA_FILE + ".replaced-…). "
                              + "Nothing was restored.");
        }
        Files.createDirectories(dataDir);
        Path target = dataDir.resolve(DATA_FILE);
        Path partial = dataDir.resolve(DATA_FILE + ".partial");
        copyDurably(source, partial);
        check(partial);
        if (Files.exists(target)) {
            // the running server's lock: never pull the file from under it
            try (MVStore locked = openReadOnly(target, "Restore over")) {
                Files.move(target, dataDir.resolve(DATA_FILE + ".replaced-" + Instant.now().toString().replace(':', '-')));
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static MVStore openReadOnly(Path file, String what) {
        try {
            return new MVStore.Builder().fileName(file.toString()).readOnly().open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
                throw new Refused(what + " " + file + " refused: the file is in use, the embedded MongoDB is "
                                  + "probably running. Stop the stack (Ctrl-C in infra/run.sh) and try again.");
            }
            throw e;
        }
    }

    /** Opens a copy and reads every map's size: a torn or truncated copy fails here, not on the next start. */
    private static void check(Path copy) {
        try (MVStore store = new MVStore.Builder().fileName(copy.toString()).readOnly().open()) {
            for (String name : store.getMapNames()) {
                store.openMap(name).sizeAsLong();
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the copy " + copy + " cannot be read back: " + e.getMessage(), e);
        }
    }

    private static void copyDurably(Path source, Path target) throws IOException {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw new Refused(dir + " is a file, not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
