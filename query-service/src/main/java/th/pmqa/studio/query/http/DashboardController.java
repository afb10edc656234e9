package th.pmqa.studio.query.http;

import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.view.DashboardRow;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.access.StudioUser;
import th.pmqa.studio.infra.access.StudioUsers;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentStatus;

import th.pmqa.studio.query.web.Blocking;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.pmqa.studio.query.live.LatestPerKey;
import th.pmqa.studio.query.presence.EditorsNow;
import th.pmqa.studio.query.presence.PresenceBoard;
import th.pmqa.studio.query.presence.PresenceEntry;
import th.pmqa.studio.query.live.Heartbeat;
import th.pmqa.studio.query.live.LiveChanges;
import th.pmqa.studio.query.projection.ProjectionStatus;
import th.pmqa.studio.query.view.ReportJson;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/** The facilitators' dashboard: one row per assessment, a national summary, and the projection's lag. */
@RestController
public class DashboardController {

    private static final Map<Integer, Integer> PARTS_PER_CATEGORY = new TreeMap<>();

    static {
        th.pmqa.studio.catalog.Catalogs.current().criteria().forEach(c -> PARTS_PER_CATEGORY.merge(
                c.category(), th.pmqa.studio.query.view.ReportViewBuilder.ADR_PARTS_PER_CRITERION, Integer::sum));
    }

    private final DashboardStore rows;
    private final LiveChanges live;
    private final ProjectionStatus projection;
    private final StudioUsers users;
    private final PresenceBoard presence;

    public DashboardController(DashboardStore rows, LiveChanges live, ProjectionStatus projection, StudioUsers users,
                               PresenceBoard presence) {
        this.rows = rows;
        this.live = live;
        this.projection = projection;
        this.users = users;
        this.presence = presence;
    }

    @Schema(name = "CategoryCompletion")
    record CategoryCompletionDoc(double percent, int adrDrafted, int adrTotal) {
    }

    @Schema(name = "DashboardSummary")
    record SummaryDoc(int assessments, Map<String, Integer> perBand, Map<String, CategoryCompletionDoc> categoryCompletion,
                      ReviewSummaryDoc review) {
    }

    @Schema(name = "ReviewSummary", description = "sections approved, ready for review, and ready but changed since, "
                                                  + "over all rows shown; and how many open assessments have every "
                                                  + "section approved, so a lead can submit them without an override")
    public record ReviewSummaryDoc(int sections, int approved, int readyForReview, int changedSinceReady, int readyToSubmit) {
    }

    @Schema(name = "Dashboard", description = "the rows the caller may see, their summary, and for operators the "
                                              + "projection's status; also the data of the stream's first event")
    record DashboardDoc(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DashboardRow> assessments,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SummaryDoc summary,
                        Map<String, Object> projection) {
    }

    /** Editors and leads see their own organization's rows; facilitators and admins every row. */
    @GetMapping("/api/assessments")
    @ApiResponse(responseCode = "200", description = "the dashboard",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = DashboardDoc.class)))
    public Mono<Map<String, Object>> dashboard(@AuthenticationPrincipal Jwt jwt) {
        StudioUser user = users.requireSome(jwt, Action.READ);
        return Blocking.call(() -> snapshot(user, presence.current()));
    }

    /**
     * {@code dashboard} first (everything), then a {@code row} event per changed assessment, newest row only, and a
     * {@code presence} event ({@link EditorsNow}) whenever who is editing an assessment changes. Both only of the
     * assessments the caller may see.
     */
    @GetMapping(value = "/api/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream(@AuthenticationPrincipal Jwt jwt) {
        StudioUser user = users.requireSome(jwt, Action.READ);
        String organization = StudioUsers.visibleOrganization(user, Action.READ);
        return Flux.defer(() -> {
            Flux<DashboardRow> changedRows = live.flux()
                    .filter(c -> organization == null
                                 || organization.equals(new AssessmentId(c.entry().assessmentId()).organizationCode()))
                    .map(c -> ReportJson.read(c.dashboardRowJson(), DashboardRow.class).at(Instant.now()));
            Flux<DashboardRow> conflated = LatestPerKey.conflate(changedRows, DashboardRow::assessmentId)
                    .map(row -> row.withActiveEditors(presence.activeEditors(row.assessmentId())));
            // who the first event showed editing: later presence events say what changed from there
            AtomicReference<Map<String, EditorsNow>> shown = new AtomicReference<>(Map.of());
            Mono<ServerSentEvent<Object>> first = Mono.fromCallable(() -> {
                Map<String, List<PresenceEntry>> present = presence.current();
                shown.set(EditorsNow.editing(present, organization));
                return ServerSentEvent.builder((Object) snapshot(user, present)).event("dashboard").build();
            }).subscribeOn(Schedulers.boundedElastic());
            // subscribed after the first event: the board replays its latest state, at least as new as that one
            Flux<ServerSentEvent<Object>> editing = presence.states().concatMapIterable(state -> {
                Map<String, EditorsNow> now = EditorsNow.editing(state, organization);
                List<EditorsNow> changed = EditorsNow.changes(shown.get(), now);
                shown.set(now);
                return changed;
            }).map(editors -> ServerSentEvent.builder((Object) editors).event("presence").build());
            return first.concatWith(conflated.map(row -> ServerSentEvent.builder((Object) row).event("row")
                                                             .id(Long.toString(row.position())).build())
                                             .mergeWith(editing))
                        .mergeWith(Heartbeat.events());
        });
    }

    private Map<String, Object> snapshot(StudioUser user, Map<String, List<PresenceEntry>> present) {
        Instant now = Instant.now();
        List<DashboardRow> all = rows.all(StudioUsers.visibleOrganization(user, Action.READ)).stream()
                                     .map(r -> r.at(now).withActiveEditors(
                                             PresenceBoard.activeEditors(present.getOrDefault(r.assessmentId(), List.of()))))
                                     .toList();
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("assessments", all);
        dashboard.put("summary", summary(all));
        if (Action.SEE_OPERATIONS.allowsSomeOrganization(user)) {
            dashboard.put("projection", projection.status());
        }
        return dashboard;
    }

    /**
     * Counts per band of the estimated overall score, per category the share of A-D-R parts drafted, and the review
     * progress summed over the rows.
     */
    public static Map<String, Object> summary(List<DashboardRow> rows) {
        Map<String, Integer> perBand = new LinkedHashMap<>();
        perBand.put("basic", 0);
        perBand.put("advance", 0);
        perBand.put("significance", 0);
        perBand.put("unrated", 0);
        Map<Integer, int[]> perCategory = new TreeMap<>();
        int sections = 0, approved = 0, ready = 0, changed = 0, fullyApproved = 0;
        for (DashboardRow row : rows) {
            if (row.review() != null) {
                sections += row.review().sections();
                approved += row.review().approved();
                ready += row.review().readyForReview();
                changed += row.review().changedSinceReady();
                if (AssessmentStatus.OPEN.name().equals(row.status()) && row.review().allApproved()) {
                    fullyApproved++;
                }
            }
            Object band = row.score() == null ? null : row.score().get("band");
            String level = band instanceof Map<?, ?> b ? String.valueOf(b.get("level")) : "unrated";
            perBand.merge(level, 1, Integer::sum);
            row.adrDraftedPerCategory().forEach((category, drafted) -> {
                int[] acc = perCategory.computeIfAbsent(category, k -> new int[2]);
                acc[0] += drafted;
                acc[1] += PARTS_PER_CATEGORY.getOrDefault(category, 0);
            });
        }
        Map<Integer, Object> completion = new TreeMap<>();
        perCategory.forEach((category, acc) -> completion.put(category, Map.of(
                "adrDrafted", acc[0], "adrTotal", acc[1],
                "percent", acc[1] == 0 ? 0.0 : Math.round(1000.0 * acc[0] / acc[1]) / 10.0)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("assessments", rows.size());
        summary.put("perBand", perBand);
        summary.put("categoryCompletion", completion);
        summary.put("review", new ReviewSummaryDoc(sections, approved, ready, changed, fullyApproved));
        return summary;
    }
}
