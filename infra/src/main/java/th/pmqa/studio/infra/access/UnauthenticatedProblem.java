package th.pmqa.studio.infra.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A token that does not say who is asking well enough to decide anything: no subject, or an organization-scoped role
 * without an organization. A 401 problem, like a token that is not valid at all, before anything is read or changed.
 */
public class UnauthenticatedProblem extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://pmqa-studio.example/problems/unauthenticated");

    public UnauthenticatedProblem(String detail) {
        super(HttpStatus.UNAUTHORIZED, problem(detail), null);
        getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(TYPE);
        problem.setTitle("Unauthenticated");
        return problem;
    }
}
