package th.pmqa.studio.query.rebuild;

import th.pmqa.studio.query.web.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Admin: projection status and drop-and-rebuild (roles arrive with the access-control issue). */
@RestController
public class ProjectionController {

    private final ProjectionStatus projection;

    public ProjectionController(ProjectionStatus projection) {
        this.projection = projection;
    }

    @GetMapping("/api/admin/projections")
    public Mono<Map<String, Object>> status() {
        return Blocking.call(projection::status);
    }

    @PostMapping("/api/admin/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Map<String, Object>> rebuild() {
        return Blocking.call(projection::rebuild);
    }
}
