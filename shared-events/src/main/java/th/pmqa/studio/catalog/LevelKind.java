package th.pmqa.studio.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three development levels of PMQA 4.0, in the order a report is written. */
public enum LevelKind {
    BASIC, ADVANCE, SIGNIFICANCE;

    /** The lower-case name used in URLs, e.g. {@code basic}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LevelKind> fromPath(String value) {
        return Arrays.stream(values()).filter(l -> l.pathName().equals(value)).findFirst();
    }
}
