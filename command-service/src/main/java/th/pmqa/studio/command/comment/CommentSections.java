package th.pmqa.studio.command.comment;

import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.LevelKind;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections a thread can be about, written as in the section history and the report paths:
 * {@code profile/<item>} (an OP item), {@code profile/questions/<number>} (the answer to an OP question),
 * {@code criteria/<id>/<level>/<part>} (one A-D-R part of one level of a sub-criterion, level
 * basic|advance|significance, part approach|deploy|result), {@code criteria/<id>/summary} and
 * {@code criteria/<id>/analysis} (the Step-1 analysis): every text a team writes.
 */
final class CommentSections {

    private static final Pattern PROFILE = Pattern.compile("profile/([1-9][0-9]{0,3})");
    private static final Pattern PART = Pattern.compile("criteria/([^/]+)/([a-z]+)/([a-z]+)");
    private static final Pattern SUMMARY = Pattern.compile("criteria/([^/]+)/summary");
    private static final Pattern QUESTION = Pattern.compile("profile/questions/([1-9][0-9]{0,3})");
    private static final Pattern ANALYSIS = Pattern.compile("criteria/([^/]+)/analysis");

    private CommentSections() {
    }

    /** Why {@code section} is no section of {@code catalog}, or empty when it is one. */
    static Optional<String> problem(Catalog catalog, String section) {
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
