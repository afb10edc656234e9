package th.pmqa.studio.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * Text the seed prints to start or to guide one of the team's texts: a placeholder for an empty field, never the
 * team's text. With a level and an A-D-R part it belongs to that part's field ("อธิบายผลการดำเนินการ:" and the
 * form's "เช่น …" hints); without both it belongs to the sub-criterion's summary (the starter of the seed's Step-2
 * column, e.g. "ผู้บริหารฯ มีการดำเนินการ").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WritingPrompt(LevelKind level, AdrPart part, String text) {

    public WritingPrompt {
        if ((level == null) != (part == null)) {
            throw new IllegalArgumentException("a prompt names both a level and a part, or neither: " + text);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a prompt has a text");
        }
    }

    /** A prompt for the sub-criterion's summary. */
    public static WritingPrompt summary(String text) {
        return new WritingPrompt(null, null, text);
    }

    public boolean forSummary() {
        return level == null;
    }

    public boolean forField(LevelKind level, AdrPart part) {
        return Objects.equals(this.level, level) && Objects.equals(this.part, part);
    }
}
