package th.pmqa.studio.query.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultDirection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a report holds at one global position: the fold of an assessment's events. The live report, time
 * travel, diffs and history all come from this one fold, so they cannot disagree. Stored as JSON, hence plain
 * mutable fields and string map keys.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
                getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReportState {

    public String assessmentId;
    public String organizationCode;
    public String organizationName;
    public String organizationType;
    public int fiscalYear;
    public String catalogVersion;
    public String status;
    public Instant openedAt;
    /** Global position of the last event folded in; 0 before any. */
    public long position;
    public long eventCount;
    public Instant lastChangeAt;
    public Author lastAuthor;
    /** Last edit time per user id, for "who edited lately". */
    public Map<String, Instant> lastEditBy = new TreeMap<>();
    /** OP item number (as text) → its text. */
    public Map<String, Text> profile = new TreeMap<>();
    /** Sub-criterion id → its section. */
    public Map<String, CriterionSection> criteria = new TreeMap<>();
    /** Review workflow: section ({@code profile}, {@code criteria/<id>}) → status; absent means drafting. */
    public Map<String, String> workflow = new TreeMap<>();
    /**
     * Sections ready for review whose content changed after they were marked ready: the reviewer should read them
     * again. Cleared by the section's next workflow step.
     */
    public java.util.Set<String> changedSinceReady = new java.util.TreeSet<>();
    public Instant windowOpensAt;
    public Instant windowClosesAt;
    /** Named versions, oldest first: each label with the global position it names. */
    public java.util.List<Label> labels = new java.util.ArrayList<>();
    /** Why the report was submitted with sections not approved, if it was. */
    public String submitOverride;
    /**
     * OP question number (as text) → the answer to the whole question, besides its items' texts (question (6) has no
     * item). Absent from views stored before it existed: read as empty.
     */
    public Map<String, Text> profileAnswers = new TreeMap<>();

    /** The key processes of category 6 by process id, in the order they were added. */
    public Map<String, KeyProcessEntry> keyProcesses = new LinkedHashMap<>();

    /**
     * The evidence files by evidence id, in upload order (issue 16): what the report lists; the bytes are in GridFS.
     * Absent from views stored before it existed: read as empty.
     */
    public Map<String, Evidence> evidence = new LinkedHashMap<>();

    /**
     * Evidence removed from the report, by id: not listed, but a removal's change is filed under the section the file
     * supported, which only the removed record says.
     */
    public Map<String, Evidence> removedEvidence = new LinkedHashMap<>();

    public CriterionSection criterion(String id) {
        return criteria.computeIfAbsent(id, k -> new CriterionSection());
    }

    /** A named version: the report as it stood at {@code position}. */
    public record Label(String label, long position, Author author, Instant at) {
    }

    /** A text with its revision and who last wrote it. */
    public record Text(String text, long revision, Author author, Instant at) {
        public boolean isDrafted() {
            return text != null && !text.isBlank();
        }
    }

    public record Rating(LevelKind level, int score, String rationale, Author author, Instant at) {
    }

    /** An attached result; {@code comparison} and {@code direction} are null when not given (and in older reports). */
    public record Result(String resultId, LevelKind level, String indicatorGroup, String name, String unit,
                         BigDecimal target, Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence,
                         Author author, Instant at, Comparison comparison, ResultDirection direction) {
    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
                    getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    public static class CriterionSection {
        public List<Integer> profileItems = new ArrayList<>();
        public List<String> indicatorGroups = new ArrayList<>();
        /** "basic/approach" etc. → text. */
        public Map<String, Text> parts = new TreeMap<>();
        /** Result id → attached result, in attachment order. */
        public Map<String, Result> results = new LinkedHashMap<>();
        public Text summary;
        public Rating rating;
        /** The Step-1 analysis ("วิเคราะห์เกณฑ์และคำถาม"), the team's first text on the sub-criterion. */
        public Text analysis;
        /** The C-I-D worksheet behind the Advance level: row id → row, in the order the rows were added. */
        public Map<String, CidEntry> cid = new LinkedHashMap<>();
        /** Ids of the key processes this sub-criterion (of category 6) links to, in the order given. */
        public List<String> keyProcesses = new ArrayList<>();
    }

    /** A row of a C-I-D worksheet: kind C, I or D and the seed's four columns, with its revision. */
    public record CidEntry(String rowId, String kind, String data, String output, String process, String need,
                           long revision, Author author, Instant at) {
    }

    /** A key process with its profile, value-chain stage ({@code upstream} …) and revision. */
    public record KeyProcessEntry(String processId, String name, String nationalStrategy, String objectives,
                                  String competitiveness, String outputs, String successFactors,
                                  String leadingIndicators, String stage, long revision, Author author, Instant at) {
    }

    /**
     * An evidence file: {@code place} (a place's wire form) and {@code resultId} say what it supports, either may be
     * null.
     */
    public record Evidence(String evidenceId, String sha256, long size, String contentType, String fileName,
                           String title, String place, String resultId, Author author, Instant at) {
    }
}
