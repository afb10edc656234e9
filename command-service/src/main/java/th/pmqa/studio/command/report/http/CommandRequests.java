package th.pmqa.studio.command.report.http;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.web.AssessmentPath;
import th.pmqa.studio.command.web.Required;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.Place;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.report.Section;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the assessment's write endpoints check before a command can be built: path names, text edits, instants. Every
 * rule about the report itself is the aggregate's.
 */
final class CommandRequests {

    /** 2^53 − 1: the largest whole number every JSON client (JavaScript's numbers) reads exactly. */
    static final long MAX_REVISION = 9_007_199_254_740_991L;
    static final String MAX_REVISION_TEXT = "9007199254740991";

    /** The most OP questions a catalog has (13 in pmqa-4.0/2567); which exist is decided against the assessment's. */
    static final String MAX_PROFILE_QUESTION = "13";

    /**
     * The API description's tag of these endpoints: the one they had when a single controller served them all, so
     * that clients generated from the description keep their grouping.
     */
    static final String TAG = "assessment-controller";

    private CommandRequests() {
    }

    static String organizationOf(String assessmentId) {
        return AssessmentPath.of(assessmentId).organizationCode();
    }

    static void checkEdit(TextLimit textLimit, TextEdit edit) {
        Required.field(edit.text(), "text");
        long baseRevision = Required.field(edit.baseRevision(), "baseRevision");
        if (baseRevision < 0 || baseRevision > MAX_REVISION) {
            throw new InvalidInputException("baseRevision", "baseRevision is the revision the edit started from: "
                                                            + "a whole number from 0 to " + MAX_REVISION_TEXT);
        }
        textLimit.check("text", edit.text());
    }

    static LevelKind pathLevel(String level) {
        return LevelKind.fromPath(level).orElseThrow(
                () -> new NotFoundException("level", "level is basic, advance or significance, not " + level));
    }

    static int profileItemNumber(String item) {
        try {
            return Integer.parseInt(item);
        } catch (NumberFormatException notANumber) {
            throw new NotFoundException("item", "OP item " + item + " does not exist");
        }
    }

    /** Anything but a plain decimal number names no question: not found, like an OP item that is no number. */
    static ProfileQuestionNumber profileQuestionNumber(String question) {
        if (!question.matches("[0-9]{1,4}")) {
            throw new NotFoundException("question", "OP question " + question + " does not exist");
        }
        return new ProfileQuestionNumber(Integer.parseInt(question));
    }

    /** The workflow section a path names: {@code profile}, or a sub-criterion by its id ({@code 1.1}). */
    static Section section(String path) {
        return path.equals(Place.PROFILE.format()) ? Section.PROFILE : Section.of(new CriterionId(path));
    }

    static Instant instant(String field, String value) {
        Required.field(value, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as 2027-01-31T17:00:00Z");
        }
    }
}
