package th.pmqa.studio.command.report;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.web.AssessmentPath;
import th.pmqa.studio.command.web.Authors;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.command.web.CommandSender;
import th.pmqa.studio.command.web.Required;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentStatus;
import th.pmqa.studio.command.report.commands.AttachResultCommand;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.command.report.commands.CriterionLinks;
import th.pmqa.studio.command.report.commands.DetachResultCommand;
import th.pmqa.studio.command.report.commands.DraftApproachCommand;
import th.pmqa.studio.command.report.commands.DraftDeploymentCommand;
import th.pmqa.studio.command.report.commands.DraftProfileItemCommand;
import th.pmqa.studio.command.report.commands.DraftResultCommand;
import th.pmqa.studio.command.report.commands.LinkCriterionCommand;
import th.pmqa.studio.command.report.commands.OpenAssessmentCommand;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.command.report.commands.RateLevelCommand;
import th.pmqa.studio.command.report.commands.ReopenAssessmentCommand;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.command.report.commands.ReviseResultCommand;
import th.pmqa.studio.command.report.commands.SavedText;
import th.pmqa.studio.command.report.commands.SubmitAssessmentCommand;
import th.pmqa.studio.command.report.commands.ApproveSectionCommand;
import th.pmqa.studio.command.report.commands.ExtendSubmissionWindowCommand;
import th.pmqa.studio.command.report.commands.MarkSectionReadyCommand;
import th.pmqa.studio.command.report.commands.ReopenSectionCommand;
import th.pmqa.studio.report.Place;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionStatus;
import th.pmqa.studio.command.report.commands.SetSubmissionWindowCommand;
import th.pmqa.studio.command.report.commands.LabelVersionCommand;
import th.pmqa.studio.command.report.commands.WriteCriterionSummaryCommand;
import th.pmqa.studio.command.report.commands.AnswerProfileQuestionCommand;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.command.report.commands.WriteCriterionAnalysisCommand;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Writes of the Application Report. Checks here are limited to what is needed to build a command (presence, path
 * names, size); every rule about the report itself is decided by {@link Assessment}.
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    AssessmentController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    // The schemas below describe what the service accepts, so that clients and the fuzzer in .ci/run know it; the
    // checks themselves stay in the controller and the aggregate, which answer with the field at fault.

    record OpenRequest(
            @Schema(requiredMode = REQUIRED, pattern = "^" + AssessmentId.ORGANIZATION_CODE + "$", example = "KKN",
                    description = "2–32 letters, digits or underscores; not null in any case") String organizationCode,
            @Schema(requiredMode = REQUIRED, minLength = 1, example = "จังหวัดขอนแก่น") String organizationName,
            @Schema(requiredMode = REQUIRED) OrganizationType organizationType,
            @Schema(requiredMode = REQUIRED, minimum = "2500", maximum = "2700", example = "2567",
                    description = "Buddhist-era fiscal year: a whole number (not text, no fraction)") Integer fiscalYear,
            @Schema(requiredMode = REQUIRED, example = "pmqa-4.0/2567",
                    description = "a catalog version published at /api/catalog") String catalogVersion) {
    }

    /** 2^53 − 1: the largest whole number every JSON client (JavaScript's numbers) reads exactly. */
    static final long MAX_REVISION = 9_007_199_254_740_991L;
    static final String MAX_REVISION_TEXT = "9007199254740991";
    static final String INDICATOR_MAXIMUM = IndicatorNumber.MAXIMUM;
    static final String INDICATOR_NUMBER = "a number from -" + INDICATOR_MAXIMUM + " to " + INDICATOR_MAXIMUM
                                           + " with at most 6 digits after the decimal point, without quotes";

    @Schema(name = "IndicatorNumber", type = "number", minimum = "-" + INDICATOR_MAXIMUM, maximum = INDICATOR_MAXIMUM,
            description = INDICATOR_NUMBER)
    static final class IndicatorNumberDoc {
        private IndicatorNumberDoc() {
        }
    }

    record TextEdit(
            @Schema(requiredMode = REQUIRED, description = "stored exactly as sent; no NUL, no lone surrogate")
            String text,
            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = MAX_REVISION_TEXT,
                    description = "the revision this edit started from (0: never written); a whole number up to "
                                  + "2^53 − 1 (what every JSON client reads exactly). A revision the text does not "
                                  + "have yet cannot be merged with: 409, unless the text already is what was sent")
            Long baseRevision) {
    }

    record LinksRequest(
            @ArraySchema(schema = @Schema(types = {"integer"}, format = "int32", minimum = "1", maximum = "29"),
                         arraySchema = @Schema(description = "OP item numbers of the catalog (1–29 in pmqa-4.0/2567)"))
            List<Integer> profileItems,
            @Schema(description = "indicator group codes of the catalog, e.g. 7.1.1") List<String> indicatorGroups,
            @ArraySchema(schema = @Schema(format = "uuid"),
                         arraySchema = @Schema(description = "ids of the assessment's key processes (POST "
                                                             + "…/key-processes); sub-criteria of category 6 only, "
                                                             + "elsewhere only an empty list"))
            List<String> keyProcesses) {
    }

    record AttachRequest(
            @Schema(requiredMode = REQUIRED, example = "7.1.1") String indicatorGroup,
            @Schema(requiredMode = REQUIRED) String name,
            String unit,
            @Schema(minimum = "-" + INDICATOR_MAXIMUM, maximum = INDICATOR_MAXIMUM, description = INDICATOR_NUMBER)
            BigDecimal target,
            @Schema(description = "value per Buddhist-era fiscal year (keys 2500–2700); each value: " + INDICATOR_NUMBER,
                    additionalPropertiesSchema = IndicatorNumberDoc.class)
            Map<Integer, BigDecimal> values,
            @io.swagger.v3.oas.annotations.media.ArraySchema(maxItems = 20, arraySchema = @Schema(description =
                    "what backs the figures: free text (a link, a document) or the evidenceId of an uploaded file of "
                    + "this assessment (404 naming 'evidence' when it holds no such file)")) List<String> evidence,
            @Schema(description = "a comparison value (ค่าเทียบเคียง) and where it comes from; leave out for none")
            ComparisonRequest comparison,
            @Schema(allowableValues = {"higher", "lower"},
                    description = "which way is better: higher (e.g. satisfaction) or lower (e.g. complaints). Left "
                                  + "out, the report says how the figures moved (rising, falling) but not whether "
                                  + "that is better or worse, and not whether the target is met")
            String direction) {
    }

    @Schema(name = "Comparison")
    record ComparisonRequest(
            @Schema(requiredMode = REQUIRED, minimum = "-" + INDICATOR_MAXIMUM, maximum = INDICATOR_MAXIMUM,
                    description = INDICATOR_NUMBER) BigDecimal value,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = ResultFigures.MAX_SOURCE_LENGTH,
                    example = "ค่าเฉลี่ยจังหวัดในกลุ่มภาคตะวันออกเฉียงเหนือ ปี 2566",
                    description = "where the comparison value comes from; stored exactly as sent") String source) {
    }

    record RatingRequest(
            @Schema(requiredMode = REQUIRED, allowableValues = {"basic", "advance", "significance"}) String level,
            @Schema(requiredMode = REQUIRED, minimum = "300", maximum = "500",
                    description = "within the level's band: basic 300–399, advance 400–469, significance 470–500")
            Integer score,
            @Schema(requiredMode = REQUIRED, minLength = 1) String rationale) {
    }

    record ReopenRequest(@Schema(requiredMode = REQUIRED, minLength = 1) String reason) {
    }

    record Opened(@Schema(requiredMode = REQUIRED) String assessmentId) {
    }

    /**
     * What became of a text edit. {@code merged}: the edit started from an older revision and was merged with what
     * others saved since; {@code text} is then the merged text the writer has not seen yet.
     */
    record Revision(@Schema(requiredMode = REQUIRED) long revision,
                    @Schema(requiredMode = REQUIRED, description = "false when the text already was what this edit "
                                                                    + "would make it: nothing new was stored")
                    boolean stored,
                    @Schema(requiredMode = REQUIRED) boolean merged,
                    @Schema(types = {"string", "null"}, description = "the merged text; null when not merged") String text,
                    @Schema(types = {"integer", "null"}, description = "the revision the edit started from, when merged")
                    Long baseRevision,
                    @Schema(types = {"integer", "null"}, description = "the revision it was merged with, when merged")
                    Long mergedWithRevision) {

        static Revision of(SavedText saved) {
            return saved.merged()
                    ? new Revision(saved.revision(), saved.stored(), true, saved.mergedText(),
                                   saved.merge().baseRevision(), saved.merge().theirsRevision())
                    : new Revision(saved.revision(), saved.stored(), false, null, null, null);
        }
    }

    @Schema(name = "EditConflictRegion")
    record ConflictRegionDoc(String base, String theirs, String yours) {
    }

    /**
     * The answers of a text edit, declared once for every text-edit endpoint. Listing one answer makes springdoc
     * list only those given, so the success answer is named too.
     */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "stored, merged, or already so",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = Revision.class)))
    @ApiResponse(responseCode = "409", description = "the edit started from an older revision and changes the same words as "
                                                   + "what was saved since, or the assessment is submitted",
                 content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = EditConflictDoc.class)))
    @interface TextEditAnswers {
    }

    @Schema(name = "EditConflict", description = "problem details of a text edit that could not be merged "
                                                 + "(type …/problems/edit-conflict); nothing was stored")
    record EditConflictDoc(String type, String title, int status, String detail, String instance, String field,
                           String textField, long baseRevision,
                           @Schema(types = {"string", "null"}, description = "the text at baseRevision; null when "
                                                                               + "that revision is too old to merge with")
                           String base,
                           @Schema(description = "the text as stored now") String theirs, long currentRevision,
                           @Schema(description = "the text that was sent") String yours,
                           @Schema(types = {"object", "null"}, description = "userId and name of who saved theirs; "
                                                                              + "null when nobody has")
                           Author lastAuthor,
                           List<ConflictRegionDoc> conflicts) {
    }

    record Attached(@Schema(requiredMode = REQUIRED) String resultId) {
    }

    record Revised(@Schema(requiredMode = REQUIRED) String resultId,
                   @Schema(requiredMode = REQUIRED, description = "false when the result already said exactly this: "
                                                                 + "nothing new was stored") boolean stored) {
    }

    record Rated(@Schema(requiredMode = REQUIRED) String criterionId, @Schema(requiredMode = REQUIRED) String level,
                 @Schema(requiredMode = REQUIRED) int score) {
    }

    record Status(@Schema(requiredMode = REQUIRED) AssessmentStatus status) {
    }

    @PostMapping
    Mono<ResponseEntity<Opened>> open(@RequestBody OpenRequest request, @AuthenticationPrincipal Jwt jwt) {
        String code = Required.field(request.organizationCode(), "organizationCode");
        Author author = authors.require(jwt, Action.OPEN, code);
        int fiscalYear = Required.field(request.fiscalYear(), "fiscalYear");
        textLimit.check("organizationName", request.organizationName());
        AssessmentId id = AssessmentId.of(code, fiscalYear);
        return commands.<AssessmentId>send(new OpenAssessmentCommand(id, code, request.organizationName(),
                        request.organizationType(), fiscalYear, request.catalogVersion(), author))
                .map(opened -> ResponseEntity.created(URI.create("/api/assessments/" + opened.value()))
                        .body(new Opened(opened.value())));
    }

    @PutMapping("/{id}/profile/{item}")
    @TextEditAnswers
    Mono<Revision> draftProfileItem(@PathVariable String id, @PathVariable String item,
                                    @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        int number = profileItemNumber(item);
        checkEdit(edit);
        return commands.<SavedText>send(new DraftProfileItemCommand(new AssessmentId(id), number, edit.text(),
                edit.baseRevision(), author)).map(Revision::of);
    }

    @PutMapping("/{id}/criteria/{criterionId}/levels/{level}/{part}")
    @TextEditAnswers
    Mono<Revision> draftPart(@PathVariable String id, @PathVariable String criterionId, @PathVariable String level,
                             @PathVariable String part, @RequestBody TextEdit edit,
                             @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        AdrPart adrPart = AdrPart.fromPath(part).orElseThrow(
                () -> new NotFoundException("part", "part is approach, deploy or result, not " + part));
        checkEdit(edit);
        AssessmentId assessment = new AssessmentId(id);
        CriterionId criterion = new CriterionId(criterionId);
        Object command = switch (adrPart) {
            case APPROACH -> new DraftApproachCommand(assessment, criterion, levelKind, edit.text(),
                    edit.baseRevision(), author);
            case DEPLOY -> new DraftDeploymentCommand(assessment, criterion, levelKind, edit.text(),
                    edit.baseRevision(), author);
            case RESULT -> new DraftResultCommand(assessment, criterion, levelKind, edit.text(),
                    edit.baseRevision(), author);
        };
        return commands.<SavedText>send(command).map(Revision::of);
    }

    @PutMapping("/{id}/criteria/{criterionId}/links")
    Mono<CriterionLinks> link(@PathVariable String id, @PathVariable String criterionId,
                              @RequestBody LinksRequest request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        List<th.pmqa.studio.report.KeyProcessId> keyProcesses = request.keyProcesses() == null ? null
                : request.keyProcesses().stream().map(k -> k == null ? null : new th.pmqa.studio.report.KeyProcessId(k))
                         .toList();
        return commands.send(new LinkCriterionCommand(new AssessmentId(id), new CriterionId(criterionId),
                request.profileItems(), request.indicatorGroups(), keyProcesses, author));
    }

    @PostMapping("/{id}/criteria/{criterionId}/levels/{level}/results")
    Mono<ResponseEntity<Attached>> attachResult(@PathVariable String id, @PathVariable String criterionId,
                                                @PathVariable String level, @RequestBody AttachRequest request,
                                                @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        ResultDirection direction = checkResult(request);
        ResultId resultId = ResultId.random();
        return commands.<ResultId>send(new AttachResultCommand(new AssessmentId(id), new CriterionId(criterionId),
                        levelKind, resultId, request.indicatorGroup(), request.name(), request.unit(),
                        request.target(), request.values(), request.evidence(), comparison(request), direction,
                        author))
                .map(attached -> ResponseEntity
                        .created(URI.create("/api/assessments/" + id + "/criteria/" + criterionId + "/levels/"
                                + levelKind.pathName() + "/results/" + attached.value()))
                        .body(new Attached(attached.value())));
    }

    @DeleteMapping("/{id}/criteria/{criterionId}/levels/{level}/results/{resultId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> detachResult(@PathVariable String id, @PathVariable String criterionId, @PathVariable String level,
                            @PathVariable String resultId, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        return commands.send(new DetachResultCommand(new AssessmentId(id), new CriterionId(criterionId),
                levelKind, new ResultId(resultId), author)).then();
    }

    /** The same body as attaching; the result keeps its id, level and place. */
    @PutMapping("/{id}/criteria/{criterionId}/levels/{level}/results/{resultId}")
    Mono<Revised> reviseResult(@PathVariable String id, @PathVariable String criterionId, @PathVariable String level,
                               @PathVariable String resultId, @RequestBody AttachRequest request,
                               @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        ResultDirection direction = checkResult(request);
        return commands.<Boolean>send(new ReviseResultCommand(new AssessmentId(id), new CriterionId(criterionId),
                        levelKind, new ResultId(resultId), request.indicatorGroup(), request.name(), request.unit(),
                        request.target(), request.values(), request.evidence(), comparison(request), direction,
                        author))
                .map(stored -> new Revised(resultId, stored));
    }

    /** The texts of a result body within the text limit, and its direction read; the rest is the aggregate's. */
    private ResultDirection checkResult(AttachRequest request) {
        textLimit.check("name", request.name());
        textLimit.check("unit", request.unit());
        if (request.evidence() != null) {
            for (int i = 0; i < request.evidence().size(); i++) {
                textLimit.check("evidence[" + i + "]", request.evidence().get(i));
            }
        }
        if (request.comparison() != null) {
            textLimit.check("comparison.source", request.comparison().source());
        }
        String direction = request.direction();
        return direction == null ? null : ResultDirection.fromPath(direction).orElseThrow(() ->
                new InvalidInputException("direction", "direction is higher or lower (which way is better); "
                                                       + "leave it out when neither is"));
    }

    private static Comparison comparison(AttachRequest request) {
        return request.comparison() == null ? null
                : new Comparison(request.comparison().value(), request.comparison().source());
    }

    @PutMapping("/{id}/criteria/{criterionId}/summary")
    @TextEditAnswers
    Mono<Revision> writeSummary(@PathVariable String id, @PathVariable String criterionId,
                                @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        checkEdit(edit);
        return commands.<SavedText>send(new WriteCriterionSummaryCommand(new AssessmentId(id),
                new CriterionId(criterionId), edit.text(), edit.baseRevision(), author)).map(Revision::of);
    }

    @PutMapping("/{id}/criteria/{criterionId}/rating")
    Mono<Rated> rate(@PathVariable String id, @PathVariable String criterionId,
                     @RequestBody RatingRequest request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.RATE, organizationOf(id));
        String level = Required.field(request.level(), "level");
        LevelKind levelKind = LevelKind.fromPath(level).orElseThrow(() -> new InvalidInputException("level",
                "level is basic, advance or significance, not " + level));
        int score = Required.field(request.score(), "score");
        textLimit.check("rationale", request.rationale());
        return commands.send(new RateLevelCommand(new AssessmentId(id), new CriterionId(criterionId), levelKind,
                        score, request.rationale(), author))
                .then(Mono.just(new Rated(criterionId, levelKind.pathName(), score)));
    }

    record SubmitRequest(@Schema(types = {"string", "null"}, description = "required when a section is not approved "
                                                                          + "yet: why the report goes in anyway (recorded)")
                         String overrideReason) {
    }

    record WindowRequest(@Schema(requiredMode = REQUIRED, format = "date-time", example = "2026-12-01T00:00:00Z") String opensAt,
                         @Schema(requiredMode = REQUIRED, format = "date-time", example = "2027-01-31T17:00:00Z") String closesAt) {
    }

    record ExtendRequest(@Schema(requiredMode = REQUIRED, format = "date-time") String closesAt,
                         @Schema(requiredMode = REQUIRED, minLength = 1) String reason) {
    }

    record Window(@Schema(requiredMode = REQUIRED) String assessmentId, @Schema(format = "date-time") String opensAt,
                  @Schema(format = "date-time") String closesAt) {
    }

    record SectionState(@Schema(requiredMode = REQUIRED, example = "criteria/1.1") String section,
                        @Schema(requiredMode = REQUIRED) SectionStatus status) {
    }

    record LabelRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200,
                                example = "ร่างครั้งที่ 1 ส่งพี่เลี้ยง") String label) {
    }

    record Labeled(@Schema(requiredMode = REQUIRED) String assessmentId, @Schema(requiredMode = REQUIRED) String label) {
    }

    /** Names the report as it stands now; the query side resolves the name to that version's position. */
    @PostMapping("/{id}/labels")
    Mono<ResponseEntity<Labeled>> label(@PathVariable String id, @RequestBody LabelRequest request,
                                        @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.LABEL, organizationOf(id));
        textLimit.check("label", request.label());
        return commands.<String>send(new LabelVersionCommand(new AssessmentId(id), request.label(), author))
                .map(label -> ResponseEntity.status(HttpStatus.CREATED).body(new Labeled(id, label)));
    }

    @PostMapping("/{id}/submit")
    Mono<Status> submit(@PathVariable String id, @RequestBody(required = false) SubmitRequest request,
                        @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.SUBMIT, organizationOf(id));
        String override = request == null ? null : request.overrideReason();
        textLimit.check("overrideReason", override);
        return commands.<AssessmentStatus>send(new SubmitAssessmentCommand(new AssessmentId(id), override, author))
                .map(Status::new);
    }

    /** Writers ask for review of a section: {@code profile} or a sub-criterion id such as {@code 1.1}. */
    @PostMapping("/{id}/workflow/{section}/ready")
    Mono<SectionState> markReady(@PathVariable String id, @PathVariable String section, @AuthenticationPrincipal Jwt jwt) {
        return moveSection(id, section, jwt, Action.EDIT_DRAFT, (assessment, target, author) ->
                new MarkSectionReadyCommand(assessment, target, author));
    }

    @PostMapping("/{id}/workflow/{section}/approve")
    Mono<SectionState> approve(@PathVariable String id, @PathVariable String section, @AuthenticationPrincipal Jwt jwt) {
        return moveSection(id, section, jwt, Action.APPROVE, ApproveSectionCommand::new);
    }

    @PostMapping("/{id}/workflow/{section}/reopen")
    Mono<SectionState> reopenSection(@PathVariable String id, @PathVariable String section,
                                     @RequestBody ReopenRequest request, @AuthenticationPrincipal Jwt jwt) {
        textLimit.check("reason", request.reason());
        return moveSection(id, section, jwt, Action.APPROVE, (assessment, target, author) ->
                new ReopenSectionCommand(assessment, target, request.reason(), author));
    }

    @FunctionalInterface
    private interface SectionCommand {
        Object of(AssessmentId assessment, Section section, Author author);
    }

    private Mono<SectionState> moveSection(String id, String section, Jwt jwt, Action action, SectionCommand command) {
        Author author = authors.require(jwt, action, organizationOf(id));
        Section target = section(section);
        return commands.<SectionStatus>send(command.of(new AssessmentId(id), target, author))
                .map(status -> new SectionState(target.value(), status));
    }

    @PutMapping("/{id}/submission-window")
    Mono<Window> setWindow(@PathVariable String id, @RequestBody WindowRequest request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.MANAGE_WINDOW, organizationOf(id));
        Instant opensAt = instant("opensAt", request.opensAt());
        Instant closesAt = instant("closesAt", request.closesAt());
        return commands.send(new SetSubmissionWindowCommand(new AssessmentId(id), opensAt, closesAt, author))
                .then(Mono.just(new Window(id, opensAt.toString(), closesAt.toString())));
    }

    @PostMapping("/{id}/submission-window/extend")
    Mono<Window> extendWindow(@PathVariable String id, @RequestBody ExtendRequest request,
                              @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.MANAGE_WINDOW, organizationOf(id));
        Instant closesAt = instant("closesAt", request.closesAt());
        textLimit.check("reason", request.reason());
        return commands.send(new ExtendSubmissionWindowCommand(new AssessmentId(id), closesAt, request.reason(), author))
                .then(Mono.just(new Window(id, null, closesAt.toString())));
    }

    /** The workflow section a path names: {@code profile}, or a sub-criterion by its id ({@code 1.1}). */
    private static Section section(String path) {
        return path.equals(Place.PROFILE.format()) ? Section.PROFILE : Section.of(new CriterionId(path));
    }

    private static Instant instant(String field, String value) {
        Required.field(value, field);
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as 2027-01-31T17:00:00Z");
        }
    }

    @PostMapping("/{id}/reopen")
    Mono<Status> reopen(@PathVariable String id, @RequestBody ReopenRequest request,
                        @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.SUBMIT, organizationOf(id));
        textLimit.check("reason", request.reason());
        return commands.<AssessmentStatus>send(new ReopenAssessmentCommand(new AssessmentId(id), request.reason(),
                author)).map(Status::new);
    }

    /** The most OP questions a catalog has (13 in pmqa-4.0/2567); which exist is decided against the assessment's. */
    static final String MAX_PROFILE_QUESTION = "13";

    /**
     * Answers a whole OP question, besides the texts of its items: question (6) โครงสร้างองค์การ has no item of its
     * own. Revisioned and merged like every text.
     */
    @PutMapping("/{id}/profile/questions/{question}")
    @TextEditAnswers
    Mono<Revision> answerProfileQuestion(@PathVariable String id,
                                         @Parameter(description = "the OP question's number, 1–13 in pmqa-4.0/2567",
                                                    schema = @Schema(type = "integer", minimum = "1",
                                                                     maximum = MAX_PROFILE_QUESTION))
                                         @PathVariable String question,
                                         @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        ProfileQuestionNumber number = profileQuestionNumber(question);
        checkEdit(edit);
        return commands.<SavedText>send(new AnswerProfileQuestionCommand(new AssessmentId(id), number, edit.text(),
                edit.baseRevision(), author)).map(Revision::of);
    }

    /** The Step-1 analysis of a sub-criterion ("วิเคราะห์เกณฑ์และคำถาม"), revisioned and merged like every text. */
    @PutMapping("/{id}/criteria/{criterionId}/analysis")
    @TextEditAnswers
    Mono<Revision> writeAnalysis(@PathVariable String id, @PathVariable String criterionId,
                                 @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        checkEdit(edit);
        return commands.<SavedText>send(new WriteCriterionAnalysisCommand(new AssessmentId(id),
                new CriterionId(criterionId), edit.text(), edit.baseRevision(), author)).map(Revision::of);
    }

    /** Anything but a plain decimal number names no question: not found, like an OP item that is no number. */
    private static ProfileQuestionNumber profileQuestionNumber(String question) {
        if (!question.matches("[0-9]{1,4}")) {
            throw new NotFoundException("question", "OP question " + question + " does not exist");
        }
        return new ProfileQuestionNumber(Integer.parseInt(question));
    }

    private static String organizationOf(String assessmentId) {
        return AssessmentPath.of(assessmentId).organizationCode();
    }

    private void checkEdit(TextEdit edit) {
        Required.field(edit.text(), "text");
        long baseRevision = Required.field(edit.baseRevision(), "baseRevision");
        if (baseRevision < 0 || baseRevision > MAX_REVISION) {
            throw new InvalidInputException("baseRevision", "baseRevision is the revision the edit started from: "
                                                            + "a whole number from 0 to " + MAX_REVISION_TEXT);
        }
        textLimit.check("text", edit.text());
    }

    private static LevelKind pathLevel(String level) {
        return LevelKind.fromPath(level).orElseThrow(
                () -> new NotFoundException("level", "level is basic, advance or significance, not " + level));
    }

    private static int profileItemNumber(String item) {
        try {
            return Integer.parseInt(item);
        } catch (NumberFormatException notANumber) {
            throw new NotFoundException("item", "OP item " + item + " does not exist");
        }
    }
}
