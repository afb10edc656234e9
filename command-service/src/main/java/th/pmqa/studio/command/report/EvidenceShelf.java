package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.report.commands.EvidenceStored;
import th.pmqa.studio.command.report.commands.RemoveEvidenceCommand;
import th.pmqa.studio.command.report.commands.UploadEvidenceCommand;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.EvidenceId;
import th.pmqa.studio.report.EvidenceRemovedEvent;
import th.pmqa.studio.report.EvidenceUploadedEvent;
import th.pmqa.studio.report.Place;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The evidence files of an assessment, by id and by the SHA-256 of their bytes: decides uploads (the same bytes are
 * recorded once per assessment) and removals. The bytes themselves are in GridFS; only what decisions need is here.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class EvidenceShelf {

    /** A report cites some hundreds of documents; the bound keeps the evidence list one readable page of the report. */
    static final int MAX_EVIDENCE = 1_000;
    static final int MAX_FILE_NAME = 255;
    static final int MAX_TITLE = 500;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Evidence id → SHA-256 of its bytes. */
    private Map<String, String> hashes = new HashMap<>();
    /** SHA-256 → the evidence id that holds those bytes. */
    private Map<String, String> byHash = new HashMap<>();

    /**
     * A result cites evidence by free text (a link, a document's name) or by the id of an evidence file: an entry
     * written as an evidence id must name a file of this assessment, so the report and the exports can name the file.
     */
    void requireCited(List<String> cited) {
        if (cited == null) {
            return;
        }
        for (String entry : cited) {
            if (entry != null && EvidenceId.isWellFormed(entry) && !hashes.containsKey(entry)) {
                throw new NotFoundException("evidence", "there is no evidence file " + entry + " in this assessment");
            }
        }
    }

    /**
     * The event recording the upload, or empty with {@code existing} set when the bytes are evidence already. Checks
     * the command's own fields and what it names ({@code place} in the catalog, {@code resultId} among the results).
     */
    Decision upload(AssessmentId assessment, UploadEvidenceCommand command, Catalog catalog,
                    Predicate<String> resultAttached, ReportSize size, Instant at) {
        if (command.evidenceId() == null || !EvidenceId.isWellFormed(command.evidenceId().value())) {
            throw new InvalidInputException("evidenceId", "an evidence id is a lower-case UUID");
        }
        if (command.sha256() == null || !SHA256.matcher(command.sha256()).matches()) {
            throw new InvalidInputException("file", "the SHA-256 of the bytes is 64 lower-case hex digits");
        }
        if (command.size() <= 0) {
            throw new InvalidInputException("file", "an evidence file is not empty");
        }
        if (isBlank(command.contentType())) {
            throw new InvalidInputException("file", "the content type of the file is required");
        }
        if (isBlank(command.fileName()) || command.fileName().codePointCount(0, command.fileName().length()) > MAX_FILE_NAME) {
            throw new InvalidInputException("file", "a file name is 1–" + MAX_FILE_NAME + " characters");
        }
        if (command.title() != null && command.title().codePointCount(0, command.title().length()) > MAX_TITLE) {
            throw new InvalidInputException("title", "a title is at most " + MAX_TITLE + " characters");
        }
        if (command.place() != null) {
            Place place = Place.parse(command.place()).orElseThrow(() -> new InvalidInputException("place",
                    Place.syntaxProblem(command.place()).orElse("'" + command.place() + "' names no place of the report")));
            place.problemIn(catalog).ifPresent(problem -> {
                throw new InvalidInputException("place", problem);
            });
        }
        if (command.resultId() != null && !resultAttached.test(command.resultId().value())) {
            throw new NotFoundException("resultId", "there is no attached result " + command.resultId());
        }
        String existing = byHash.get(command.sha256());
        if (existing != null) {
            return new Decision(Optional.empty(), new EvidenceStored(new EvidenceId(existing), command.sha256(),
                    command.size(), command.contentType(), false));
        }
        if (hashes.size() >= MAX_EVIDENCE) {
            throw new ConflictException("too-many-evidence", "file", "An assessment holds at most " + MAX_EVIDENCE
                                                                     + " evidence files; remove one first");
        }
        if (hashes.containsKey(command.evidenceId().value())) {
            throw new ConflictException("duplicate-evidence", "evidenceId",
                    "Evidence " + command.evidenceId() + " is already recorded");
        }
        size.requireRoomFor(sizeKey(command.evidenceId().value()), ReportSize.of(command.fileName(), command.title()),
                "title");
        EvidenceUploadedEvent event = new EvidenceUploadedEvent(assessment, command.evidenceId(), command.sha256(),
                command.size(), command.contentType(), command.fileName(), command.title(), command.place(),
                command.resultId(), command.author(), at);
        return new Decision(Optional.of(event), new EvidenceStored(command.evidenceId(), command.sha256(),
                command.size(), command.contentType(), true));
    }

    EvidenceRemovedEvent remove(AssessmentId assessment, RemoveEvidenceCommand command, Instant at) {
        if (command.evidenceId() == null || !hashes.containsKey(command.evidenceId().value())) {
            throw new NotFoundException("evidenceId", "the assessment has no evidence " + command.evidenceId());
        }
        return new EvidenceRemovedEvent(assessment, command.evidenceId(), command.author(), at);
    }

    void on(EvidenceUploadedEvent event, ReportSize size) {
        hashes.put(event.evidenceId().value(), event.sha256());
        byHash.put(event.sha256(), event.evidenceId().value());
        size.set(sizeKey(event.evidenceId().value()), ReportSize.of(event.fileName(), event.title()));
    }

    void on(EvidenceRemovedEvent event, ReportSize size) {
        String hash = hashes.remove(event.evidenceId().value());
        if (hash != null) {
            byHash.remove(hash);
        }
        size.set(sizeKey(event.evidenceId().value()), 0);
    }

    private static String sizeKey(String evidenceId) {
        return "evidence/" + evidenceId;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** What an upload decided: the event to apply (none for bytes already recorded) and the answer. */
    record Decision(Optional<EvidenceUploadedEvent> event, EvidenceStored answer) {
    }
}
