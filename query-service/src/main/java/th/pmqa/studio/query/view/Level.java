package th.pmqa.studio.query.view;

import com.fasterxml.jackson.annotation.JsonValue;
import th.pmqa.studio.catalog.LevelKind;

/**
 * A development level as the report names it in lower case ({@code basic}, {@code advance}, {@code significance}),
 * the name URLs use. A rating and a result carry the catalog's {@link LevelKind} ({@code BASIC} …) instead, as they
 * always have.
 */
public enum Level {
    BASIC, ADVANCE, SIGNIFICANCE;

    public static Level of(LevelKind kind) {
        return kind == null ? null : values()[kind.ordinal()];
    }

    public LevelKind kind() {
        return LevelKind.values()[ordinal()];
    }

    @JsonValue
    public String pathName() {
        return kind().pathName();
    }
}
