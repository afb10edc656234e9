package th.pmqa.studio.query.presence;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.access.StudioUser;
import th.pmqa.studio.infra.access.StudioUsers;
import th.pmqa.studio.infra.web.InvalidBodyException;
import th.pmqa.studio.infra.web.StrictJson;
import th.pmqa.studio.query.live.Heartbeat;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;
import th.pmqa.studio.report.AssessmentId;

import java.util.List;
import java.util.regex.Pattern;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Who is viewing or editing which section of an assessment right now. Reading it needs {@link Action#READ} of the
 * assessment's organization, like everything under {@code /api/assessments/{id}/} (checked by
 * {@code AssessmentReadAccess} for every method); saying one is editing needs {@link Action#EDIT_DRAFT}. Nothing
 * here writes an event: presence is not part of the audit trail.
 */
@RestController
public class PresenceController {

    static final Pattern CLIENT_ID = Pattern.compile("[!-~]{1,64}");

    private final PresenceBoard board;
    private final AssessmentSections sections;
    private final StudioUsers users;
    private final StrictJson json;

    public PresenceController(PresenceBoard board, AssessmentSections sections, StudioUsers users, StrictJson json) {
        this.board = board;
        this.sections = sections;
        this.users = users;
        this.json = json;
    }

    // The body is read as bytes and checked here, strictly (UTF-8, one JSON value, each key once: StrictJson), so that
    // every bad body (not JSON, wrong types, unknown values) gets a problem naming the field; this record only
    // describes it in the OpenAPI description.
    @Schema(name = "PresenceHeartbeat", description = "where this browser tab is; send every 10 s while the page is open")
    record HeartbeatDoc(
            @Schema(types = {"string", "null"}, example = "criteria/1.1",
                    pattern = "^(assessment|criteria/[0-9]+\\.[0-9]+|profile/[0-9]+|profile/questions/[0-9]+)$",
                    description = "a sub-criterion (criteria/1.1), OP item (profile/3) or OP question (its answer: "
                                  + "profile/questions/6) of the assessment's catalog, assessment, or null for no "
                                  + "particular section") String section,
            @Schema(requiredMode = REQUIRED, allowableValues = {"viewing", "editing"},
                    description = "editing needs the right to edit the organization's drafts") String activity,
            @Schema(requiredMode = REQUIRED, pattern = "^[!-~]{1,64}$", example = "tab-7f3a9c",
                    description = "opaque id of the browser tab, 1–64 visible ASCII characters") String clientId) {
    }

    @Schema(name = "Presence", description = "everyone seen on the assessment in the last 30 s, one entry per person "
                                            + "and browser tab, by user id; also the data of a stream's presence event")
    public record PresenceList(@Schema(requiredMode = REQUIRED) String assessmentId,
                               @Schema(requiredMode = REQUIRED) List<Person> people) {

        static PresenceList of(String assessmentId, List<PresenceEntry> entries) {
            return new PresenceList(assessmentId, entries.stream().map(PresenceEntry::person).toList());
        }
    }

    @PutMapping("/api/assessments/{id}/presence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = HeartbeatDoc.class)))
    public Mono<Void> heartbeat(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                @AuthenticationPrincipal Jwt jwt) {
        JsonNode request = object(body);
        String clientId = clientId(request.get("clientId"));
        PresenceEntry.Activity activity = activity(request.get("activity"));
        String section = section(request.get("section"));
        StudioUser user = activity == PresenceEntry.Activity.EDITING
                ? users.require(jwt, Action.EDIT_DRAFT, new AssessmentId(id).organizationCode())
                : users.from(jwt);
        return Blocking.call(() -> {
            Catalog catalog = sections.require(id);
            if (!AssessmentSections.exists(catalog, section)) {
                throw Problems.invalid("section", "no section " + section + " in catalog " + catalog.version()
                        + ": give criteria/{sub-criterion id}, profile/{OP item number}, "
                        + "profile/questions/{OP question number}, assessment or null");
            }
            return board.heartbeat(id, user, clientId, section, activity);
        }).then();
    }

    @DeleteMapping("/api/assessments/{id}/presence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> leave(@PathVariable String id,
                            @Parameter(required = true, description = "the clientId the tab sent its heartbeats with",
                                       schema = @Schema(type = "string", pattern = "^[!-~]{1,64}$"))
                            @RequestParam(name = "clientId", required = false) String clientId,
                            @AuthenticationPrincipal Jwt jwt) {
        StudioUser user = users.from(jwt);
        String tab = clientId(clientId == null ? null : json.mapper().getNodeFactory().textNode(clientId));
        return Blocking.call(() -> {
            sections.require(id);
            board.leave(id, user.userId(), tab);
            return true;
        }).then();
    }

    @GetMapping("/api/assessments/{id}/presence")
    @ApiResponse(responseCode = "200", description = "who is on the assessment now",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = PresenceList.class)))
    public Mono<PresenceList> list(@PathVariable String id) {
        return Blocking.call(() -> {
            sections.require(id);
            return PresenceList.of(id, board.people(id));
        });
    }

    /**
     * A {@code presence} event with the current list, then one each time someone arrives, moves to another
     * section, starts or stops editing, leaves, or is not heard from for 30 s.
     */
    @GetMapping(value = "/api/assessments/{id}/presence/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<PresenceList>> stream(@PathVariable String id) {
        return Blocking.call(() -> sections.require(id))
                       .thenMany(board.watch(id))
                       .map(people -> ServerSentEvent.builder(PresenceList.of(id, people)).event("presence").build())
                       .mergeWith(Heartbeat.<PresenceList>events());
    }

    private JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = body == null ? null : json.readTree(body);
        } catch (InvalidBodyException invalid) {
            throw Problems.invalid(invalid.field(), invalid.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw Problems.invalid("body", "a JSON object with section, activity and clientId is required");
        }
        if (node == null || !node.isObject()) {
            throw Problems.invalid("body", "the request body must be a JSON object with section, activity and clientId");
        }
        return node;
    }

    private static String clientId(JsonNode value) {
        if (value == null || value.isNull()) {
            throw Problems.invalid("clientId", "clientId is required: an id of the browser tab, 1–64 visible ASCII characters");
        }
        if (!value.isTextual() || !CLIENT_ID.matcher(value.asText()).matches()) {
            throw Problems.invalid("clientId", "clientId must be 1–64 visible ASCII characters (no spaces)");
        }
        return value.asText();
    }

    private static PresenceEntry.Activity activity(JsonNode value) {
        if (value == null || value.isNull()) {
            throw Problems.invalid("activity", "activity is required: viewing or editing");
        }
        return (value.isTextual() ? PresenceEntry.Activity.parse(value.asText()) : java.util.Optional.<PresenceEntry.Activity>empty())
                .orElseThrow(() -> Problems.invalid("activity", "activity must be viewing or editing"));
    }

    private static String section(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Problems.invalid("section", "section must be text (criteria/1.1, profile/3, assessment) or null");
        }
        return value.asText();
    }
}
