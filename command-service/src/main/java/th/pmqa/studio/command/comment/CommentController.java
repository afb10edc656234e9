package th.pmqa.studio.command.comment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.web.AssessmentPath;
import th.pmqa.studio.command.web.Authors;
import th.pmqa.studio.command.web.CommandSender;
import th.pmqa.studio.command.web.Required;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.command.comment.commands.AddCommentCommand;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.command.comment.commands.ReopenCommentThreadCommand;
import th.pmqa.studio.command.comment.commands.ResolveCommentThreadCommand;
import th.pmqa.studio.command.comment.commands.StartCommentThreadCommand;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.Author;

import java.net.URI;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Comment threads on sections of an assessment. Anyone who may comment on the assessment's organization may start,
 * reply, resolve and reopen; comments are taken whatever the assessment's status.
 * <p>
 * A thread is started only on an assessment that has been opened: its first event, read from the event store
 * (never a snapshot), gives the catalog the section is checked against. Replies and status changes go to the thread,
 * which knows its assessment.
 */
@RestController
@RequestMapping("/api/assessments/{id}/comments")
class CommentController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;
    private final EventStore eventStore;

    CommentController(CommandSender commands, TextLimit textLimit, Authors authors, EventStore eventStore) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
        this.eventStore = eventStore;
    }

    record CommentThreadRequest(
            @Schema(requiredMode = REQUIRED, example = "criteria/1.1/basic/approach",
                    description = "profile/<item>, profile/questions/<number>, criteria/<id>/<level>/<part> (level "
                                  + "basic|advance|significance, part approach|deploy|result), criteria/<id>/summary "
                                  + "or criteria/<id>/analysis")
            String section,
            @Schema(requiredMode = REQUIRED, minLength = 1, example = "@u-12 ช่วยดูย่อหน้านี้",
                    description = "stored exactly as sent; @<user id> mentions someone") String text) {
    }

    record CommentReplyRequest(
            @Schema(requiredMode = REQUIRED, minLength = 1, description = "stored exactly as sent; @<user id> mentions someone")
            String text) {
    }

    record CommentThreadStarted(@Schema(requiredMode = REQUIRED) String threadId, @Schema(requiredMode = REQUIRED) String commentId) {
    }

    record CommentAdded(@Schema(requiredMode = REQUIRED) String commentId) {
    }

    record CommentThreadState(@Schema(requiredMode = REQUIRED) ThreadStatus status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // so the description says 201, which the ResponseEntity answers
    Mono<ResponseEntity<CommentThreadStarted>> start(@PathVariable String id, @RequestBody CommentThreadRequest request,
                                        @AuthenticationPrincipal Jwt jwt) {
        AssessmentId assessment = AssessmentPath.of(id);
        Author author = authors.require(jwt, Action.COMMENT, assessment.organizationCode());
        String section = Required.field(request.section(), "section");
        textLimit.check("section", section);
        Required.field(request.text(), "text");
        textLimit.check("text", request.text());
        ThreadId threadId = ThreadId.random();
        CommentId commentId = CommentId.random();
        return catalogVersionOf(assessment)
                .flatMap(catalog -> commands.<ThreadId>send(new StartCommentThreadCommand(threadId, assessment, catalog,
                        section, commentId, request.text(), author)))
                .map(started -> ResponseEntity.created(URI.create("/api/assessments/" + id + "/comments/" + started.value()))
                        .body(new CommentThreadStarted(started.value(), commentId.value())));
    }

    @PostMapping("/{threadId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<CommentAdded>> reply(@PathVariable String id, @PathVariable String threadId,
                                      @RequestBody CommentReplyRequest request, @AuthenticationPrincipal Jwt jwt) {
        AssessmentId assessment = AssessmentPath.of(id);
        Author author = authors.require(jwt, Action.COMMENT, assessment.organizationCode());
        Required.field(request.text(), "text");
        textLimit.check("text", request.text());
        CommentId commentId = CommentId.random();
        return this.<CommentId>send(new AddCommentCommand(new ThreadId(threadId), assessment, commentId, request.text(),
                        author), threadId)
                .map(added -> ResponseEntity.created(URI.create("/api/assessments/" + id + "/comments/" + threadId))
                        .body(new CommentAdded(added.value())));
    }

    @PostMapping("/{threadId}/resolve")
    Mono<CommentThreadState> resolve(@PathVariable String id, @PathVariable String threadId, @AuthenticationPrincipal Jwt jwt) {
        AssessmentId assessment = AssessmentPath.of(id);
        Author author = authors.require(jwt, Action.COMMENT, assessment.organizationCode());
        return this.<ThreadStatus>send(new ResolveCommentThreadCommand(new ThreadId(threadId), assessment, author), threadId)
                .map(CommentThreadState::new);
    }

    @PostMapping("/{threadId}/reopen")
    Mono<CommentThreadState> reopen(@PathVariable String id, @PathVariable String threadId, @AuthenticationPrincipal Jwt jwt) {
        AssessmentId assessment = AssessmentPath.of(id);
        Author author = authors.require(jwt, Action.COMMENT, assessment.organizationCode());
        return this.<ThreadStatus>send(new ReopenCommentThreadCommand(new ThreadId(threadId), assessment, author), threadId)
                .map(CommentThreadState::new);
    }

    /**
     * Sends a command to an existing thread. Thread ids are UUIDs, which no assessment id is (those have one hyphen),
     * so anything else is refused here: an assessment's id sent as a thread id would otherwise load the assessment's
     * events into a thread.
     */
    private <R> Mono<R> send(Object command, String threadId) {
        if (!isUuid(threadId)) {
            return Mono.error(new NotFoundException("threadId", "there is no thread " + threadId));
        }
        return commands.<R>send(command).onErrorMap(
                error -> error instanceof AggregateNotFoundException
                         || error instanceof org.axonframework.eventsourcing.IncompatibleAggregateException,
                missing -> new NotFoundException("threadId", "there is no thread " + threadId));
    }

    private static boolean isUuid(String value) {
        try {
            return java.util.UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    /** The catalog of an opened assessment, from its first event; 404 when it was never opened. */
    private Mono<String> catalogVersionOf(AssessmentId assessment) {
        return Mono.fromCallable(() -> {
            DomainEventStream events = eventStore.readEvents(assessment.value(), 0);
            if (events.hasNext()) {
                DomainEventMessage<?> first = events.next();
                if (first.getPayload() instanceof AssessmentOpenedEvent opened) {
                    return opened.catalogVersion();
                }
            }
            throw new NotFoundException("assessmentId", "No assessment " + assessment + " has been opened");
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
