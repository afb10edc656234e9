package th.pmqa.studio.query.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An OP question with the team's answer to it as a whole ({@code answer}, null while never written) and, in the
 * report, its items. A live update of the answer carries the question without {@code items} (absent, not empty).
 * Question (6) has no item, so its answer is all it has.
 */
@Schema(name = "ReportProfileQuestion")
public record ProfileQuestionView(String section, int number, @Schema(types = {"string", "null"}) String part,
                                  String text, @Schema(types = {"object", "null"}) TextView answer,
                                  boolean answerEmpty,
                                  @JsonInclude(JsonInclude.Include.NON_NULL)
                                  @Schema(description = "the question's items, in the report only")
                                  List<ProfileItemView> items) {

    /** The same question without its items, as a live update carries it. */
    public ProfileQuestionView withoutItems() {
        return new ProfileQuestionView(section, number, part, text, answer, answerEmpty, null);
    }
}
