package th.pmqa.studio.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Approach, Deploy, Result: the three parts every level is written in. */
public enum AdrPart {
    APPROACH, DEPLOY, RESULT;

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AdrPart> fromPath(String value) {
        return Arrays.stream(values()).filter(p -> p.pathName().equals(value)).findFirst();
    }
}
