package th.pmqa.studio.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC key of the zero-install default: generated once under the data directory and shared by both services
 * and {@code infra/run.sh token}. Production uses an OIDC issuer instead.
 */
public final class DevelopmentKey {

    public static final String FILE_NAME = "dev-jwt.key";
    public static final String ISSUER = "pmqa-studio-dev";

    private DevelopmentKey() {
    }

    public static Path dataDir() {
        String configured = System.getenv("STUDIO_DATA_DIR");
        return Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
    }

    /** Reads the key, creating it first if this is the first start; safe when both services start at once. */
    public static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
                Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    // First writer wins: a hard link, unlike a rename, fails when the name exists. Linux's rename
                    // replaces silently, so two services starting at once each kept a key of their own and refused
                    // each other's tokens.
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException e) {
                    // a concurrent starter was first; its key is read below
                } catch (UnsupportedOperationException | IOException e) {
                    // no hard links on this file system: a plain move refuses an existing target, with a
                    // narrow window that only a simultaneous first start can hit
                    try {
                        Files.move(temp, file);
                    } catch (FileAlreadyExistsException lost) {
                        // a concurrent starter was first
                    }
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development key " + file, e);
        }
    }
}
