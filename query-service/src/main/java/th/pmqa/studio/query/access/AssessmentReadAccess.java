package th.pmqa.studio.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import th.pmqa.studio.infra.access.AccessDeniedProblem;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.infra.access.StudioUsers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything under {@code /api/assessments/{id}/} (report, HTML export, time travel, diffs, history, change feed,
 * streams, presence) belongs to the organization the id names. Checked here, once, for every method (presence
 * heartbeats are PUT and DELETE), before any handler reads anything, so a
 * new endpoint under that path is covered without having to remember it; the access matrix test proves it.
 */
@Component
public class AssessmentReadAccess implements WebFilter, Ordered {

    private static final Pattern ASSESSMENT_PATH = Pattern.compile("^/api/assessments/([^/]+)/.*");

    private final StudioUsers users;
    private final ObjectMapper json;

    public AssessmentReadAccess(StudioUsers users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Security has authenticated the request
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Matcher matcher = ASSESSMENT_PATH.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
        if (!matcher.matches()) {
            return chain.filter(exchange);
        }
        // the id as the handler will see it, decoded, so that no encoding makes the two disagree
        String organization = new AssessmentId(org.springframework.web.util.UriUtils.decode(matcher.group(1),
                java.nio.charset.StandardCharsets.UTF_8)).organizationCode();
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> ((JwtAuthenticationToken) p).getToken())
                .flatMap(jwt -> {
                    try {
                        users.require(jwt, Action.READ, organization);
                        return Mono.just(true);
                    } catch (AccessDeniedProblem denied) {
                        return deny(exchange, denied).then(Mono.just(false));
                    }
                })
                // no token at all: Spring Security has answered 401 already, or the path is not ours to guard
                .switchIfEmpty(Mono.just(true))
                .flatMap(allowed -> allowed ? chain.filter(exchange) : Mono.empty());
    }

    private Mono<Void> deny(ServerWebExchange exchange, AccessDeniedProblem denied) {
        return th.pmqa.studio.infra.web.ProblemResponses.write(exchange, json, denied.getBody());
    }
}
