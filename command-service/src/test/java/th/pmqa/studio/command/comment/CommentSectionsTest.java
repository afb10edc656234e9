package th.pmqa.studio.command.comment;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.LevelKind;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A comment's section is refused for the same texts and with the same reasons as before sections were typed. */
class CommentSectionsTest {

    @Test
    void aSectionIsAcceptedOrRefusedWithTheReasonItAlwaysHad() {
        Catalog catalog = Catalogs.current();
        List<String> sections = List.of("profile/1", "profile/29", "profile/99", "profile/0", "profile/03", "profile/x",
                "profile", "profile/", "profile/questions/6", "profile/questions/13", "profile/questions/14",
                "profile/questions/0", "profile/questions/06", "profile/questions", "criteria/1.1/summary",
                "criteria/9.9/summary", "criteria/1.1/analysis", "criteria/9.9/analysis", "criteria/1.1/analysis/x",
                "criteria/6.3/significance/result", "criteria/9.9/basic/approach", "criteria/1.1/expert/approach",
                "criteria/1.1/basic/plan", "criteria/9.9/expert/plan", "criteria/1.1/BASIC/approach", "criteria/1.1",
                "criteria//summary", "criteria/1.1/basic/approach/extra", "assessment", "", "ความเห็น 👍");

        assertThat(sections).allSatisfy(section -> assertThat(CommentSections.problem(catalog, section)).as(section)
                .isEqualTo(asAlwaysRefused(catalog, section)));
        assertThat(CommentSections.problem(catalog, "criteria/1.1/expert/approach"))
                .contains("the level is basic, advance or significance, not expert");
    }

    private static final Pattern PROFILE = Pattern.compile("profile/([1-9][0-9]{0,3})");
    private static final Pattern PART = Pattern.compile("criteria/([^/]+)/([a-z]+)/([a-z]+)");
    private static final Pattern SUMMARY = Pattern.compile("criteria/([^/]+)/summary");
    private static final Pattern QUESTION = Pattern.compile("profile/questions/([1-9][0-9]{0,3})");
    private static final Pattern ANALYSIS = Pattern.compile("criteria/([^/]+)/analysis");

    /** The parser comments had before {@code Place}, kept as the oracle. */
    private static Optional<String> asAlwaysRefused(Catalog catalog, String section) {
        Matcher profile = PROFILE.matcher(section);
        if (profile.matches()) {
            return catalog.profileItem(Integer.parseInt(profile.group(1))).isPresent() ? Optional.empty()
                    : Optional.of("there is no OP item " + profile.group(1));
        }
        Matcher summary = SUMMARY.matcher(section);
        if (summary.matches()) {
            return criterion(catalog, summary.group(1));
        }
        Matcher question = QUESTION.matcher(section);
        if (question.matches()) {
            return catalog.profileQuestion(Integer.parseInt(question.group(1))).isPresent() ? Optional.empty()
                    : Optional.of("there is no OP question " + question.group(1));
        }
        Matcher analysis = ANALYSIS.matcher(section);
        if (analysis.matches()) {
            return criterion(catalog, analysis.group(1));
        }
        Matcher part = PART.matcher(section);
        if (part.matches()) {
            if (LevelKind.fromPath(part.group(2)).isEmpty()) {
                return Optional.of("the level is basic, advance or significance, not " + part.group(2));
            }
            if (AdrPart.fromPath(part.group(3)).isEmpty()) {
                return Optional.of("the part is approach, deploy or result, not " + part.group(3));
            }
            return criterion(catalog, part.group(1));
        }
        return Optional.of("section is profile/<item>, profile/questions/<number>, criteria/<id>/<level>/<part>, "
                           + "criteria/<id>/summary or criteria/<id>/analysis");
    }

    private static Optional<String> criterion(Catalog catalog, String id) {
        return catalog.criterion(id).isPresent() ? Optional.empty() : Optional.of("there is no sub-criterion " + id);
    }
}
