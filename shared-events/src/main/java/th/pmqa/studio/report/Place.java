package th.pmqa.studio.report;

import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.LevelKind;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the report, as the API, the history, the change feed, comments and presence write it: {@code assessment},
 * {@code profile} (the Organizational Profile as a review section), {@code profile/<item>} (an OP item),
 * {@code profile/questions/<number>} (the answer to an OP question), {@code criteria/<id>} (a sub-criterion),
 * {@code criteria/<id>/<level>/<part>} (one A-D-R text of one level), {@code criteria/<id>/summary} and
 * {@code criteria/<id>/analysis} (the Step-1 analysis).
 * <p>
 * {@link #parse} and {@link #format} are exact inverses on every text they accept: the wire form is stored in the
 * change log and in comment events, so it must never change. Numbers are plain decimal without leading zeros
 * ({@code 1}–{@code 9999}), so no two texts name the same place. Whether the place exists is a separate question,
 * asked of the assessment's catalog ({@link #problemIn}).
 */
public sealed interface Place
        permits Place.WholeAssessment, Place.WholeProfile, Place.OpItem, Place.OpQuestion, Place.SubCriterion,
        Place.AdrText, Place.Summary, Place.Analysis {

    /** What kind of place, for the uses that accept only some kinds (a comment is on a text, presence on a page). */
    enum Kind { ASSESSMENT, PROFILE, OP_ITEM, OP_QUESTION, CRITERION, ADR_PART, SUMMARY, ANALYSIS }

    Place ASSESSMENT = new WholeAssessment();
    Place PROFILE = new WholeProfile();

    Kind kind();

    /** The wire form; {@code parse(p.format())} gives {@code p} back. */
    String format();

    /** Why the place is not in {@code catalog}, or empty when it is. */
    Optional<String> problemIn(Catalog catalog);

    default boolean existsIn(Catalog catalog) {
        return problemIn(catalog).isEmpty();
    }

    /**
     * The section of the review workflow this place belongs to: {@link #PROFILE} for the profile, its items and its
     * questions, the sub-criterion for a sub-criterion and its texts, empty for the assessment as a whole.
     */
    Optional<Place> workflowSection();

    static Place opItem(int item) {
        return new OpItem(item);
    }

    static Place opQuestion(int question) {
        return new OpQuestion(question);
    }

    static SubCriterion criterion(CriterionId criterion) {
        return new SubCriterion(criterion);
    }

    static SubCriterion criterion(String criterion) {
        return new SubCriterion(new CriterionId(criterion));
    }

    /** The place {@code text} names, or empty when it names none; null names none. */
    static Optional<Place> parse(String text) {
        return Optional.ofNullable(text == null ? null : Wire.parse(text));
    }

    /**
     * Why {@code text} names no place, when a specific reason can be given (an unknown level or A-D-R part of a
     * well-formed {@code criteria/<id>/<level>/<part>}); empty otherwise.
     */
    static Optional<String> syntaxProblem(String text) {
        return Wire.syntaxProblem(text);
    }

    record WholeAssessment() implements Place {
        public Kind kind() { return Kind.ASSESSMENT; }
        public String format() { return "assessment"; }
        public Optional<String> problemIn(Catalog catalog) { return Optional.empty(); }
        public Optional<Place> workflowSection() { return Optional.empty(); }
        @Override public String toString() { return format(); }
    }

    record WholeProfile() implements Place {
        public Kind kind() { return Kind.PROFILE; }
        public String format() { return "profile"; }
        public Optional<String> problemIn(Catalog catalog) { return Optional.empty(); }
        public Optional<Place> workflowSection() { return Optional.of(this); }
        @Override public String toString() { return format(); }
    }

    record OpItem(int item) implements Place {
        public OpItem {
            Wire.requireNumber(item, "OP item");
        }
        public Kind kind() { return Kind.OP_ITEM; }
        public String format() { return "profile/" + item; }
        public Optional<String> problemIn(Catalog catalog) {
            return catalog.profileItem(item).isPresent() ? Optional.empty() : Optional.of("there is no OP item " + item);
        }
        public Optional<Place> workflowSection() { return Optional.of(PROFILE); }
        @Override public String toString() { return format(); }
    }

    record OpQuestion(int question) implements Place {
        public OpQuestion {
            Wire.requireNumber(question, "OP question");
        }
        public Kind kind() { return Kind.OP_QUESTION; }
        public String format() { return "profile/questions/" + question; }
        public Optional<String> problemIn(Catalog catalog) {
            return catalog.profileQuestion(question).isPresent() ? Optional.empty()
                    : Optional.of("there is no OP question " + question);
        }
        public Optional<Place> workflowSection() { return Optional.of(PROFILE); }
        @Override public String toString() { return format(); }
    }

    record SubCriterion(CriterionId criterion) implements Place {
        public SubCriterion {
            Wire.requireId(criterion);
        }
        public Kind kind() { return Kind.CRITERION; }
        public String format() { return "criteria/" + criterion.value(); }
        public Optional<String> problemIn(Catalog catalog) { return Wire.criterionProblem(catalog, criterion); }
        public Optional<Place> workflowSection() { return Optional.of(this); }
        @Override public String toString() { return format(); }
    }

    /** One A-D-R text of one level of a sub-criterion. */
    record AdrText(CriterionId criterion, LevelKind level, AdrPart part) implements Place {
        public AdrText {
            Wire.requireId(criterion);
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(part, "part");
        }
        public Kind kind() { return Kind.ADR_PART; }
        public String format() { return "criteria/" + criterion.value() + "/" + key(); }
        /** {@code basic/approach}: the part's name within its sub-criterion, as the history's {@code what}. */
        public String key() { return level.pathName() + "/" + part.pathName(); }
        public Optional<String> problemIn(Catalog catalog) { return Wire.criterionProblem(catalog, criterion); }
        public Optional<Place> workflowSection() { return Optional.of(new SubCriterion(criterion)); }
        @Override public String toString() { return format(); }
    }

    record Summary(CriterionId criterion) implements Place {
        public Summary {
            Wire.requireId(criterion);
        }
        public Kind kind() { return Kind.SUMMARY; }
        public String format() { return "criteria/" + criterion.value() + "/summary"; }
        public Optional<String> problemIn(Catalog catalog) { return Wire.criterionProblem(catalog, criterion); }
        public Optional<Place> workflowSection() { return Optional.of(new SubCriterion(criterion)); }
        @Override public String toString() { return format(); }
    }

    /** A sub-criterion's Step-1 analysis. */
    record Analysis(CriterionId criterion) implements Place {
        public Analysis {
            Wire.requireId(criterion);
        }
        public Kind kind() { return Kind.ANALYSIS; }
        public String format() { return "criteria/" + criterion.value() + "/analysis"; }
        public Optional<String> problemIn(Catalog catalog) { return Wire.criterionProblem(catalog, criterion); }
        public Optional<Place> workflowSection() { return Optional.of(new SubCriterion(criterion)); }
        @Override public String toString() { return format(); }
    }

    /** The wire grammar, in one place. */
    final class Wire {

        private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,3}");
        private static final Pattern ID = Pattern.compile("[^/]+");
        private static final Pattern PART = Pattern.compile("criteria/([^/]+)/([a-z]+)/([a-z]+)");

        private Wire() {
        }

        static Place parse(String text) {
            if (text.equals("assessment")) {
                return ASSESSMENT;
            }
            if (text.equals("profile")) {
                return PROFILE;
            }
            if (text.startsWith("profile/questions/")) {
                String number = text.substring("profile/questions/".length());
                return NUMBER.matcher(number).matches() ? new OpQuestion(Integer.parseInt(number)) : null;
            }
            if (text.startsWith("profile/")) {
                String number = text.substring("profile/".length());
                return NUMBER.matcher(number).matches() ? new OpItem(Integer.parseInt(number)) : null;
            }
            if (!text.startsWith("criteria/")) {
                return null;
            }
            String[] parts = text.substring("criteria/".length()).split("/", -1);
            if (!ID.matcher(parts[0]).matches()) {
                return null;
            }
            CriterionId criterion = new CriterionId(parts[0]);
            if (parts.length == 1) {
                return new SubCriterion(criterion);
            }
            if (parts.length == 2) {
                return switch (parts[1]) {
                    case "summary" -> new Summary(criterion);
                    case "analysis" -> new Analysis(criterion);
                    default -> null;
                };
            }
            if (parts.length == 3) {
                Optional<LevelKind> level = LevelKind.fromPath(parts[1]);
                Optional<AdrPart> part = AdrPart.fromPath(parts[2]);
                return level.isPresent() && part.isPresent() ? new AdrText(criterion, level.get(), part.get()) : null;
            }
            return null;
        }

        static Optional<String> syntaxProblem(String text) {
            Matcher part = text == null ? null : PART.matcher(text);
            if (part == null || !part.matches()) {
                return Optional.empty();
            }
            if (LevelKind.fromPath(part.group(2)).isEmpty()) {
                return Optional.of("the level is basic, advance or significance, not " + part.group(2));
            }
            if (AdrPart.fromPath(part.group(3)).isEmpty()) {
                return Optional.of("the part is approach, deploy or result, not " + part.group(3));
            }
            return Optional.empty();
        }

        static Optional<String> criterionProblem(Catalog catalog, CriterionId criterion) {
            return catalog.criterion(criterion.value()).isPresent() ? Optional.empty()
                    : Optional.of("there is no sub-criterion " + criterion.value());
        }

        static void requireNumber(int number, String what) {
            if (number < 1 || number > 9999) {
                throw new IllegalArgumentException(what + " is 1–9999, not " + number);
            }
        }

        static void requireId(CriterionId criterion) {
            Objects.requireNonNull(criterion, "criterion");
            if (!ID.matcher(criterion.value()).matches()) {
                throw new IllegalArgumentException("a sub-criterion id is text without '/', not '" + criterion + "'");
            }
        }
    }
}
