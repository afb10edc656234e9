package th.pmqa.studio.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads catalog versions from {@code /catalog/<version>.json} on the class path, once each. The version string is
 * also the resource path, so {@code pmqa-4.0/2568} only needs a new file.
 */
public final class Catalogs {

    public static final String CURRENT_VERSION = "pmqa-4.0/2567";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, Catalog> LOADED = new ConcurrentHashMap<>();

    private Catalogs() {
    }

    public static Catalog current() {
        return load(CURRENT_VERSION).orElseThrow();
    }

    public static Optional<Catalog> load(String version) {
        if (version == null || !version.matches("[a-z0-9.\\-]+/[0-9]{4}")) {
            return Optional.empty();
        }
        Catalog cached = LOADED.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = Catalogs.class.getResourceAsStream("/catalog/" + version + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            Catalog catalog = MAPPER.readValue(in, Catalog.class);
            if (!version.equals(catalog.version())) {
                throw new IllegalStateException("catalog file for " + version + " declares version " + catalog.version());
            }
            LOADED.putIfAbsent(version, catalog);
            return Optional.of(LOADED.get(version));
        } catch (IOException e) {
            throw new UncheckedIOException("catalog " + version + " cannot be read", e);
        }
    }
}
