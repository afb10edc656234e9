package th.pmqa.studio.query.model;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Merge;

import java.time.Instant;
import java.util.List;

/**
 * One change to a report: the unit of the per-section history, of the change feed and of live updates.
 *
 * @param position  the event's global position (the same number time travel takes)
 * @param section   {@code profile/<item>}, {@code profile/questions/<number>} (the answer to an OP question),
 *                  {@code criteria/<id>} or {@code assessment}
 * @param what      what changed inside the section: {@code basic/approach}, {@code summary}, {@code analysis}
 *                  (the Step-1 analysis), {@code rating}, {@code links}, {@code results/<level>}, {@code text},
 *                  {@code status}, {@code cid/<row id>}, {@code keyProcesses/<process id>}, {@code links/keyProcesses}
 * @param before    the changed part rendered as text before the change ("" when it was empty)
 * @param after     the same after the change
 * @param diff      word diff of before and after (Thai word boundaries), computed once when the change was projected
 * @param coarseDiff whether some changed part of {@code diff} is coarse: the diff's budget ran out (a large rewrite)
 *                  and that part is one delete and one insert of its changed lines instead of a word diff
 * @param revision  the text's revision, for changes of a revisioned text (OP item, OP question's answer, Step-1
 *                  analysis, A-D-R part, summary), or the row's, for a C-I-D row or key process added or edited
 * @param merge     how that revision came about, when it merged concurrent edits
 */
public record ChangeEntry(long position, String assessmentId, Instant at, Author author, String section,
                          @Schema(types = {"string", "null"}) String criterionId,
                          @Schema(types = {"integer", "null"}) Integer profileItem, String kind, String what, String summary,
                          String before, String after, List<TextDiff.Chunk> diff,
                          @Schema(description = COARSE_DIFF) boolean coarseDiff,
                          @Schema(types = {"integer", "null"}, description = "the text's revision after a text "
                                  + "change; the row's after a C-I-D row or key process was added or edited")
                          Long revision,
                          @Schema(types = {"object", "null"},
                                  description = "{baseRevision, theirsRevision} when the text or row change merged "
                                                + "concurrent edits; null otherwise")
                          Merge merge) {

    /** How the OpenAPI description explains {@code coarseDiff}, here and in the change feed and the report diff. */
    public static final String COARSE_DIFF = "true when the diff is coarse: diffing is bounded, and where a rewrite "
            + "was too large to diff word by word within that bound, the diff shows the changed part as one DELETE and "
            + "one INSERT (its changed lines, less the words they begin and end with in common); before and after are "
            + "exact either way. false for an ordinary word diff";

    /** A change that is not of a revisioned text. */
    public ChangeEntry(long position, String assessmentId, Instant at, Author author, String section,
                       String criterionId, Integer profileItem, String kind, String what, String summary,
                       String before, String after, List<TextDiff.Chunk> diff) {
        this(position, assessmentId, at, author, section, criterionId, profileItem, kind, what, summary, before, after,
             diff, false, null, null);
    }
}
