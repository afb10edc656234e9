package th.pmqa.studio.command.evidence;

import com.mongodb.client.MongoDatabase;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.RejectedCommandException;
import th.pmqa.studio.command.report.commands.UploadEvidenceCommand;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.EvidenceId;
import th.pmqa.studio.report.ResultId;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One upload's multipart form, read as it arrives: the file's bytes go to its {@link EvidenceIntake} part by part,
 * the three optional fields are checked as they come, and more parts, larger headers or larger fields than the bounds
 * below are refused while reading, not after. One instance per request.
 */
final class EvidenceForm {

    /** A file and its three optional fields. */
    static final int MAX_PARTS = 4;
    static final int MAX_FIELD_BYTES = 16 * 1024;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final ResolvableType PART_EVENT = ResolvableType.forClass(PartEvent.class);

    private final MongoDatabase database;
    private final long maxBytes;
    private final TextLimit textLimit;
    private final EvidenceId evidenceId;
    private final AssessmentId assessment;
    private final Author author;
    private final Set<String> seen = new HashSet<>();
    private EvidenceIntake intake;
    private String title;
    private String place;
    private String resultId;

    EvidenceForm(MongoDatabase database, long maxBytes, TextLimit textLimit, EvidenceId evidenceId,
                 AssessmentId assessment, Author author) {
        this.database = database;
        this.maxBytes = maxBytes;
        this.textLimit = textLimit;
        this.evidenceId = evidenceId;
        this.assessment = assessment;
        this.author = author;
    }

    /**
     * Reads the whole form and completes the file's intake: the bytes stored, hashed and typed. A form that cannot be
     * read is a 400 naming the file; the checks' own rejections pass unchanged.
     */
    Mono<EvidenceIntake.Stored> read(ServerHttpRequest request) {
        Flux<PartEvent> parts = reader().read(PART_EVENT, request, Map.of());
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (!first.hasValue()) {
                        return events.then();
                    }
                    PartEvent event = first.get();
                    if (event instanceof FilePartEvent file) {
                        EvidenceIntake opened = file(file);
                        return events.concatMap(e -> Mono.fromRunnable(() -> write(opened, e.content()))
                                                         .subscribeOn(Schedulers.boundedElastic()))
                                     .then();
                    }
                    if (event instanceof FormPartEvent field) {
                        field(field.name(), FormFieldText.of(field));
                    }
                    return events.doOnNext(e -> DataBufferUtils.release(e.content())).then();
                }))
                .doOnDiscard(PartEvent.class, e -> DataBufferUtils.release(e.content()))
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                .onErrorMap(error -> !(error instanceof RejectedCommandException), EvidenceForm::malformed)
                .then(Mono.fromCallable(this::complete).subscribeOn(Schedulers.boundedElastic()));
    }

    UploadEvidenceCommand command(EvidenceIntake.Stored stored) {
        return new UploadEvidenceCommand(assessment, stored.evidenceId(), stored.sha256(), stored.size(),
                stored.contentType(), stored.fileName(), title, place,
                resultId == null ? null : new ResultId(resultId), author);
    }

    /** Deletes what the intake stored, if anything: blocking, so on a scheduler that may block. */
    void discard() {
        EvidenceIntake current;
        synchronized (this) {
            current = intake;
        }
        if (current != null) {
            current.discard();
        }
    }

    private synchronized EvidenceIntake file(FilePartEvent file) {
        if (!"file".equals(file.name())) {
            throw new InvalidInputException(file.name(), "the form's file part is named file, not " + file.name());
        }
        if (intake != null) {
            throw new InvalidInputException("file", "one file per upload");
        }
        String type = file.headers().getContentType() == null ? null : file.headers().getContentType().toString();
        intake = new EvidenceIntake(database, maxBytes, evidenceId, assessment, author, type,
                FileNames.sanitise(file.filename()));
        return intake;
    }

    private synchronized void field(String name, String value) {
        if (!seen.add(name)) {
            throw new InvalidInputException(name, name + " is given more than once");
        }
        switch (name) {
            case "title" -> {
                textLimit.check("title", value);
                title = value.isBlank() ? null : value;
            }
            case "place" -> {
                textLimit.check("place", value);
                place = value;
            }
            case "resultId" -> {
                textLimit.check("resultId", value);
                resultId = value;
            }
            case "file" -> throw new InvalidInputException("file", "file is a file part (with a filename)");
            default -> throw new InvalidInputException(name, "the form has no field " + name
                                                             + " (file, title, place, resultId)");
        }
    }

    private EvidenceIntake.Stored complete() {
        EvidenceIntake current;
        synchronized (this) {
            current = intake;
        }
        if (current == null) {
            throw new InvalidInputException("file", "a file part named file is required");
        }
        return current.complete();
    }

    private static void write(EvidenceIntake intake, DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            intake.write(bytes, bytes.length);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** A reader of this request's parts, bounded: parts, headers and form fields; a file part is bounded by the intake. */
    private static PartEventHttpMessageReader reader() {
        PartEventHttpMessageReader reader = new PartEventHttpMessageReader();
        reader.setMaxParts(MAX_PARTS);
        reader.setMaxHeadersSize(MAX_HEADER_BYTES);
        reader.setMaxInMemorySize(MAX_FIELD_BYTES);
        // no part size limit here: the intake refuses a file past the limit itself, with the problem that says so;
        // a reader's limit raced it (the reader runs ahead of the writes) and answered 400 instead of 413
        return reader;
    }

    private static Throwable malformed(Throwable error) {
        if (error instanceof DataBufferLimitException) {
            return new InvalidInputException("file", "a part of the form is too large: " + error.getMessage());
        }
        return new InvalidInputException("file", "the multipart form could not be read: " + error.getMessage());
    }
}
