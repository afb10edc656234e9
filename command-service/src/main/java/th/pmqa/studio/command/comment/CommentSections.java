package th.pmqa.studio.command.comment;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.report.Place;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The sections a thread can be about, written as in the section history and the report paths ({@link Place}):
 * {@code profile/<item>} (an OP item), {@code profile/questions/<number>} (the answer to an OP question),
 * {@code criteria/<id>/<level>/<part>} (one A-D-R part of one level of a sub-criterion, level
 * basic|advance|significance, part approach|deploy|result), {@code criteria/<id>/summary} and
 * {@code criteria/<id>/analysis} (the Step-1 analysis): every text a team writes.
 */
final class CommentSections {

    private static final Set<Place.Kind> TEXTS = EnumSet.of(Place.Kind.OP_ITEM, Place.Kind.OP_QUESTION,
            Place.Kind.ADR_PART, Place.Kind.SUMMARY, Place.Kind.ANALYSIS);

    private CommentSections() {
    }

    /** Why {@code section} is no section of {@code catalog}, or empty when it is one. */
    static Optional<String> problem(Catalog catalog, String section) {
        Optional<Place> place = Place.parse(section).filter(p -> TEXTS.contains(p.kind()));
        if (place.isPresent()) {
            return place.get().problemIn(catalog);
        }
        return Optional.of(Place.syntaxProblem(section).orElse(
                "section is profile/<item>, profile/questions/<number>, criteria/<id>/<level>/<part>, "
                + "criteria/<id>/summary or criteria/<id>/analysis"));
    }
}
