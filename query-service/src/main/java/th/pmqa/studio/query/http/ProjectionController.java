package th.pmqa.studio.query.http;

import th.pmqa.studio.query.projection.ProjectionClaimedElsewhere;
import th.pmqa.studio.query.projection.ProjectionStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.access.StudioUsers;

import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Operations: projection status (facilitators and admins) and drop-and-rebuild (admins). */
@RestController
public class ProjectionController {

    private final ProjectionStatus projection;
    private final StudioUsers users;

    public ProjectionController(ProjectionStatus projection, StudioUsers users) {
        this.projection = projection;
        this.users = users;
    }

    @GetMapping("/api/admin/projections")
    public Mono<Map<String, Object>> status(@AuthenticationPrincipal Jwt jwt) {
        users.requireSome(jwt, Action.SEE_OPERATIONS);
        return Blocking.call(projection::status);
    }

    @PostMapping("/api/admin/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Map<String, Object>> rebuild(@AuthenticationPrincipal Jwt jwt) {
        users.requireSome(jwt, Action.REBUILD);
        return Blocking.call(projection::rebuild)
                       .onErrorMap(ProjectionClaimedElsewhere.class, refused -> Problems.of(HttpStatus.CONFLICT,
                               "projection-claimed-elsewhere", null, refused.getMessage()));
    }
}
